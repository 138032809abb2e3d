# motcua_fuzz(NAME [SOURCES a.cpp ...] DEPS target ...)
#   The libFuzzer executable fuzz_<NAME> (SOURCES default: fuzz_<NAME>.cpp) and its three tests:
#     fuzz.<NAME>             label fuzz:            MOTCUA_FUZZ_SECONDS of fuzzing from a fresh copy of
#                                                    corpus/<NAME>/ (the test command's short run)
#     fuzz_regression.<NAME>  label fuzz_regression: every file of regressions/<NAME>/ and corpus/<NAME>/
#                                                    run once, no fuzzing
#     fuzz_long.<NAME>        label fuzz_long:       MOTCUA_FUZZ_LONG_SECONDS of fuzzing on a corpus kept
#                                                    between runs (`ctest --preset fuzz-long`)
#   A dictionary dict/<NAME>.dict is passed when it exists. Crash inputs land in
#   <build>/fuzz/<NAME>/artifacts*/ (emptied when a short or regression run starts, kept by the long
#   run); each one found goes to regressions/<NAME>/ for good.
#   Only for a MOTCUA_FUZZ build (clang); the DEPS must be in MOTCUA_FUZZ_MODULES.
set(MOTCUA_FUZZ_SECONDS 10 CACHE STRING "seconds of fuzzing per target in the short run (fuzz.<name>)")
set(MOTCUA_FUZZ_LONG_SECONDS 1800 CACHE STRING "seconds of fuzzing per target in fuzz_long.<name>")
set(MOTCUA_FUZZ_SEED 1 CACHE STRING "libFuzzer -seed of the fuzz tests (fixed, so a run can be repeated)")

# file:line in the reports (llvm-14; without it the sanitizers fall back to binutils' addr2line).
find_program(MOTCUA_LLVM_SYMBOLIZER NAMES llvm-symbolizer-14 llvm-symbolizer PATHS /usr/lib/llvm-14/bin)

function(motcua_fuzz name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  if(NOT ARG_SOURCES)
    set(ARG_SOURCES fuzz_${name}.cpp)
  endif()
  foreach(dep ${ARG_DEPS})
    if(dep MATCHES "^motcua_" AND NOT TARGET ${dep})
      string(REGEX REPLACE "^motcua_" "" module ${dep})
      message(FATAL_ERROR "fuzz_${name} needs ${dep}: add `${module}` (and its DEPS) to "
                          "MOTCUA_FUZZ_MODULES in shared/CMakeLists.txt")
    endif()
  endforeach()

  add_executable(fuzz_${name} ${ARG_SOURCES})
  target_link_libraries(fuzz_${name} PRIVATE ${ARG_DEPS})
  target_include_directories(fuzz_${name} PRIVATE ${PROJECT_SOURCE_DIR}/shared ${PROJECT_SOURCE_DIR}/tests/fuzz)
  target_link_options(fuzz_${name} PRIVATE -fsanitize=fuzzer,address,undefined)

  set(src ${PROJECT_SOURCE_DIR}/tests/fuzz)
  set(work ${CMAKE_BINARY_DIR}/fuzz/${name})
  set(common
    -DFUZZER=$<TARGET_FILE:fuzz_${name}> -DNAME=${name}
    -DSEEDS=${src}/corpus/${name})
  if(EXISTS ${src}/dict/${name}.dict)
    list(APPEND common -DDICT=${src}/dict/${name}.dict)
  endif()
  # abort_on_error=0 and the fuzzer's own handlers: a finding is a non-zero exit, not a core dump.
  set(symbolizer "")
  if(MOTCUA_LLVM_SYMBOLIZER)
    set(symbolizer ":external_symbolizer_path=${MOTCUA_LLVM_SYMBOLIZER}")
  endif()
  # TMPDIR: a target that needs files (calendar_files) writes them in the build tree, not in /tmp.
  set(env
    "ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:handle_abort=1${symbolizer}"
    "UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1${symbolizer}"
    "TMPDIR=${work}/tmp")

  add_test(NAME fuzz.${name}
    COMMAND ${CMAKE_COMMAND} ${common} -DMODE=fuzz -DWORK=${work}/corpus -DFRESH=ON -DARTIFACTS=${work}/artifacts
            -DSECONDS=${MOTCUA_FUZZ_SECONDS} -DSEED=${MOTCUA_FUZZ_SEED} -P ${src}/run_fuzz.cmake)
  math(EXPR short_timeout "${MOTCUA_FUZZ_SECONDS} + 120")
  set_tests_properties(fuzz.${name} PROPERTIES LABELS fuzz TIMEOUT ${short_timeout} ENVIRONMENT "${env}")

  add_test(NAME fuzz_regression.${name}
    COMMAND ${CMAKE_COMMAND} ${common} -DMODE=regress -DREGRESSIONS=${src}/regressions/${name}
            -DARTIFACTS=${work}/artifacts-regression
            -P ${src}/run_fuzz.cmake)
  set_tests_properties(fuzz_regression.${name} PROPERTIES LABELS fuzz_regression TIMEOUT 300 ENVIRONMENT "${env}")

  add_test(NAME fuzz_long.${name}
    COMMAND ${CMAKE_COMMAND} ${common} -DMODE=fuzz -DWORK=${work}/corpus-long -DFRESH=OFF
            -DARTIFACTS=${work}/artifacts-long
            -DSECONDS=${MOTCUA_FUZZ_LONG_SECONDS} -DSEED=0 -P ${src}/run_fuzz.cmake)
  math(EXPR long_timeout "${MOTCUA_FUZZ_LONG_SECONDS} + 600")
  set_tests_properties(fuzz_long.${name} PROPERTIES LABELS fuzz_long TIMEOUT ${long_timeout} ENVIRONMENT "${env}")
endfunction()
