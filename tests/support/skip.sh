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
