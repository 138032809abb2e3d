# Sourced by the tests' shell scripts (tests/*/xvfb_*.sh). A missing tool skips (exit 77) on a
# developer's machine; where CI runs ($CI set) it is a set-up defect (installer/packages.txt must
# install it), so it fails instead of passing silently.
skip() {
  echo "SKIP: $*"
  if [ -n "${CI:-}" ]; then
    echo "FAIL: CI is set: a missing tool is a set-up defect (add its package to installer/packages.txt)"
    exit 1
  fi
  exit 77
}

# need_tools "apt-get install ..." TOOL...: skips (as above) naming the first tool not on PATH.
need_tools() {
  hint=$1
  shift
  for tool in "$@"; do
    command -v "$tool" >/dev/null 2>&1 || skip "'$tool' is not installed ($hint)"
  done
}

# need_executables FILE...: the programs under test were built; fails (never skips) otherwise.
need_executables() {
  for f in "$@"; do
    [ -x "$f" ] || { echo "FAIL: $f is not an executable"; exit 1; }
  done
}
