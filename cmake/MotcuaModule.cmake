# motcua_module(NAME SOURCES a.cpp ... [DEPS target ...])
#   A static library motcua_<NAME> for one folder of shared/. Includes are rooted at shared/,
#   so code writes #include "calendar/deadline.h".
function(motcua_module name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;PRIVATE_DEPS" ${ARGN})
  add_library(motcua_${name} STATIC ${ARG_SOURCES})
  target_include_directories(motcua_${name} PUBLIC ${PROJECT_SOURCE_DIR}/shared)
  target_link_libraries(motcua_${name} PUBLIC ${ARG_DEPS} PRIVATE ${ARG_PRIVATE_DEPS})
  set_property(GLOBAL APPEND PROPERTY MOTCUA_CORE_MODULES motcua_${name})
endfunction()

# motcua_test(NAME SOURCES a_test.cpp ... DEPS target ... [LABELS l ...] [TIMEOUT s])
#   One GoogleTest binary tests_<NAME>, discovered at test time. MOTCUA_ASSETS_DIR and
#   MOTCUA_BIN_DIR are compiled in so tests find the real assets and executables.
# BOTH_BACKENDS: the suite runs a second time, as one test named <name>.postgres, with its fixtures on a
# throwaway PostgreSQL server (tests/support/test_database.h: MOTCUA_TEST_BACKEND=postgres). One test for
# the whole binary, so the server starts once, not once per case. Label postgres_suite: the sanitized run
# leaves these out (the same domain code runs sanitized on SQLite, the engine's own code in
# <store>.postgres_cases).
# POSTGRES_CASES <gtest filter>: the cases of the binary that start a PostgreSQL server run together in one
# test, <name>.postgres_cases, sharing the server, instead of one test (and one server start) per case.
function(motcua_test name)
  cmake_parse_arguments(ARG "BOTH_BACKENDS" "TIMEOUT;POSTGRES_CASES" "SOURCES;DEPS;LABELS" ${ARGN})
  add_executable(tests_${name} ${ARG_SOURCES})
  target_link_libraries(tests_${name} PRIVATE ${ARG_DEPS} GTest::gtest_main GTest::gmock Threads::Threads)
  target_include_directories(tests_${name} PRIVATE ${PROJECT_SOURCE_DIR}/tests ${PROJECT_SOURCE_DIR}/shared)
  target_compile_definitions(tests_${name} PRIVATE
    MOTCUA_ASSETS_DIR="${MOTCUA_ASSETS_DIR}"
    MOTCUA_BIN_DIR="${CMAKE_RUNTIME_OUTPUT_DIRECTORY}"
    MOTCUA_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
  if(NOT ARG_TIMEOUT)
    set(ARG_TIMEOUT 120)
  endif()
  # gtest_discover_tests (CMake 3.25) flattens list-valued PROPERTIES, so each test gets the one label
  # `name` here and any extra labels through the directory's LABELS property, which ctest adds to
  # every test defined in that directory.
  # Cases another test runs (a child process's part, *Child.*; a case that needs the X server a script
  # starts, *UnderX.*) are not tests of their own: listed, they would show as skipped.
  # MOTCUA_TEST_LEAVE_OUT: cases a build leaves out (the sanitized build: a decode sweep 20x slower there).
  set(not_listed "*Child.*:*UnderX.*")
  if(MOTCUA_TEST_LEAVE_OUT)
    set(not_listed "${not_listed}:${MOTCUA_TEST_LEAVE_OUT}")
  endif()
  if(ARG_POSTGRES_CASES)
    set(not_listed "${ARG_POSTGRES_CASES}:${not_listed}")
    add_test(NAME ${name}.postgres_cases COMMAND tests_${name} --gtest_filter=${ARG_POSTGRES_CASES} --gtest_brief=1)
    set_tests_properties(${name}.postgres_cases PROPERTIES LABELS "${name};postgres" TIMEOUT 900)
  endif()
  if(MOTCUA_TEST_WHOLE_BINARIES)
    # One ctest test per binary: the sanitized run spends a fifth of a second starting each process.
    add_test(NAME ${name} COMMAND tests_${name} --gtest_filter=-${not_listed} --gtest_brief=1)
    set_tests_properties(${name} PROPERTIES LABELS ${name} TIMEOUT 1800)
  else()
    gtest_discover_tests(tests_${name} DISCOVERY_MODE PRE_TEST DISCOVERY_TIMEOUT 30
      TEST_FILTER "-${not_listed}" PROPERTIES LABELS ${name} TIMEOUT ${ARG_TIMEOUT})
  endif()
  if(ARG_LABELS)
    set_property(DIRECTORY APPEND PROPERTY LABELS ${ARG_LABELS})
  endif()
  if(ARG_BOTH_BACKENDS)
    add_test(NAME ${name}.postgres COMMAND tests_${name} --gtest_brief=1)
    set_tests_properties(${name}.postgres PROPERTIES ENVIRONMENT MOTCUA_TEST_BACKEND=postgres
      LABELS "${name};postgres;postgres_suite" TIMEOUT 900)
  endif()
endfunction()
