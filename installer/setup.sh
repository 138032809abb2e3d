#!/bin/sh
# motcua set-up: installs the missing Debian packages, builds, and runs.
#
#   installer/setup.sh run     build, initialise the default database, start the main job
#   installer/setup.sh test    build and run every test (release, then AddressSanitizer + UBSan, then
#                              10 s of libFuzzer on each parser and its kept crash inputs: tests/fuzz)
#   installer/setup.sh bench   build and run the benchmarks in bench/ (not part of the tests)
#   installer/setup.sh deps    only install the packages
#
# Idempotent: packages already installed are skipped, `apt-get update` runs at most once, and the
# builds are incremental (ccache keeps recompiles cheap). As a non-root user it prints the exact
# apt-get command to run and stops. Data lives in $MOTCUA_DATA_DIR (default /var/lib/motcua as root,
# ~/.local/share/motcua otherwise).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
mode=${1:-run}
jobs=${MOTCUA_JOBS:-2}

say() { printf 'motcua setup: %s\n' "$*"; }

install_packages() {
  missing=""
  for p in $(sed -e 's/#.*//' "$here/packages.txt"); do
    status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
    case "$status" in
      *"install ok installed"*) ;;
      *) missing="$missing $p" ;;
    esac
  done
  if [ -z "$missing" ]; then
    return 0
  fi
  cmd="apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends$missing"
  if [ "$(id -u)" -ne 0 ]; then
    say "these packages are missing; run as root:"
    printf '  sudo sh -c "%s"\n' "$cmd"
    exit 1
  fi
  say "installing:$missing"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
}

build() {  # build PRESET
  cmake --preset "$1" -S "$root" >/dev/null
  cmake --build --preset "$1" -j "$jobs"
}

case "$mode" in
  deps)
    install_packages
    ;;
  run)
    install_packages
    build release
    exec "$root/installer/run-main.sh"
    ;;
  test)
    install_packages
    build release
    (cd "$root" && ctest --preset release -j "$jobs")
    build asan
    # The asan preset (sanitizer options in its environment) leaves out the crash tests and the Xvfb
    # runs: both test timing (kill moments, keystroke speed of a scanner), which a 3-10x slower
    # sanitized binary changes; the release run above covers them. It runs each test binary whole, as
    # one ctest test (a fifth of a second of start-up per case adds up). The 500-kill crash soak
    # is `cd build && ctest -L soak`, outside this command.
    (cd "$root" && ctest --preset asan -j "$jobs")
    # clang 14 builds only the parsers' modules for the fuzzers; the preset runs each target for 10 s
    # and every input in tests/fuzz/regressions once (the 30-minute runs are `ctest --preset fuzz-long`).
    build fuzz
    (cd "$root" && ctest --preset fuzz -j "$jobs")
    say "all tests passed"
    ;;
  bench)
    install_packages
    build release
    for b in "$root"/build/bin/bench_*; do
      [ -x "$b" ] || continue
      say "running $(basename "$b")"
      "$b"
    done
    ;;
  *)
    echo "usage: installer/setup.sh run|test|bench|deps" >&2
    exit 2
    ;;
esac
