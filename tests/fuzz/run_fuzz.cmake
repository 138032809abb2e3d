# Runs one libFuzzer binary for ctest (registered by motcua_fuzz(), cmake/MotcuaFuzz.cmake).
#
#   cmake -DFUZZER=<exe> -DNAME=<name> -DSEEDS=<dir> -DARTIFACTS=<dir> [-DDICT=<file>]
#         -DMODE=fuzz -DWORK=<dir> -DFRESH=ON|OFF -DSECONDS=<n> -DSEED=<n> -P run_fuzz.cmake
#     Fuzzes for SECONDS on WORK, a copy of SEEDS (emptied first when FRESH, so the source tree's
#     corpus is never written and a short run starts from the same inputs every time).
#   cmake ... -DMODE=regress -DREGRESSIONS=<dir> -P run_fuzz.cmake
#     Runs every file of REGRESSIONS and SEEDS once (no fuzzing).
#
# Fails (exit 1) on any crash, sanitizer report, leak, timeout (-timeout, per input) or memory
# over -rss_limit_mb; the input is then in ARTIFACTS, and belongs in tests/fuzz/regressions/NAME/.
cmake_minimum_required(VERSION 3.25)

foreach(var FUZZER NAME SEEDS ARTIFACTS MODE)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "run_fuzz.cmake: -D${var}=... is required")
  endif()
endforeach()

if(FRESH OR MODE STREQUAL "regress")
  file(REMOVE_RECURSE ${ARTIFACTS})
endif()
file(MAKE_DIRECTORY ${ARTIFACTS})
# Per input: 10 s at most, 2 GiB of memory at most (a single malloc above it is a finding too).
set(limits -timeout=10 -rss_limit_mb=2048 -artifact_prefix=${ARTIFACTS}/)

if(MODE STREQUAL "fuzz")
  if(FRESH)
    file(REMOVE_RECURSE ${WORK})
  endif()
  file(MAKE_DIRECTORY ${WORK})
  file(COPY ${SEEDS}/ DESTINATION ${WORK})
  set(args ${WORK} ${limits} -max_total_time=${SECONDS} -seed=${SEED} -print_final_stats=1)
  if(DEFINED DICT)
    list(APPEND args -dict=${DICT})
  endif()
elseif(MODE STREQUAL "regress")
  # Individual files (never a folder: libFuzzer would start fuzzing it). Hidden files are skipped.
  file(GLOB inputs LIST_DIRECTORIES false ${REGRESSIONS}/[!.]* ${SEEDS}/[!.]*)
  if(NOT inputs)
    message(STATUS "fuzz_regression.${NAME}: no inputs")
    return()
  endif()
  list(LENGTH inputs count)
  message(STATUS "fuzz_regression.${NAME}: running ${count} inputs once each")
  set(args ${limits} ${inputs})
else()
  message(FATAL_ERROR "run_fuzz.cmake: MODE must be fuzz or regress, not \"${MODE}\"")
endif()

execute_process(COMMAND ${FUZZER} ${args} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  file(GLOB found LIST_DIRECTORIES false ${ARTIFACTS}/*)
  list(JOIN found "\n  " found_list)
  message(FATAL_ERROR "fuzz_${NAME} failed (exit ${rc}). Inputs it saved:\n  ${found_list}\n"
                      "Reproduce with ${FUZZER} <input>; once fixed, keep the input in "
                      "tests/fuzz/regressions/${NAME}/ (a regression test runs it on every test run).")
endif()
