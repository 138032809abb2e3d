#!/bin/sh
# Runs one test binary inside a throwaway virtual machine booted from this machine's Debian kernel, for the
# tests that need kernel devices a container lacks (/dev/uinput and evdev for a HID scanner:
# tests/scan/scanner_device_uinput_test.cpp, run so by the test hardware_uinput.in_vm). The VM's root is a small initramfs holding busybox,
# the binary, the shared libraries it loads and the kernel modules named; its console is printed here.
#
#   tools/vm/run_in_vm.sh build/bin/tests_hardware_uinput [module ...]   (default modules: evdev uinput)
#
# Needs qemu-system-x86, linux-image-amd64, busybox-static, kmod and cpio (installer/packages.txt). The VM
# is emulated (TCG: boots in about 7 s here; KVM hung at the kernel's start on these machines, so it is
# asked for only with MOTCUA_VM_ACCEL=kvm).
# Exit status: the binary's own, or 2 when the VM could not run it.
set -eu

bin=${1:?usage: run_in_vm.sh BINARY [MODULE ...]}
shift
modules=${*:-evdev uinput}
for tool in qemu-system-x86_64 busybox modinfo cpio ldd; do
  command -v "$tool" >/dev/null 2>&1 || { echo "run_in_vm: $tool is missing (see this script's header)" >&2; exit 2; }
done
kernel=$(ls /boot/vmlinuz-* 2>/dev/null | sort -V | tail -n 1)
[ -n "$kernel" ] || { echo "run_in_vm: no kernel in /boot (apt-get install linux-image-amd64)" >&2; exit 2; }
kver=${kernel#/boot/vmlinuz-}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root=$work/root
mkdir -p "$root/bin" "$root/dev" "$root/proc" "$root/sys" "$root/tmp" "$root/modules"
cp "$(command -v busybox)" "$root/bin/busybox"
cp "$bin" "$root/bin/test"
ldd "$bin" | awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\// { print $1 }' | while read -r lib; do
  mkdir -p "$root$(dirname "$lib")"
  cp -L "$lib" "$root$lib"
done
n=0
for m in $modules; do  # in the order given: a module's dependencies first
  n=$((n + 1))
  cp "$(modinfo -k "$kver" -n "$m")" "$root/modules/$n-$m.ko"
done

cat > "$root/init" <<'INIT'
#!/bin/busybox sh
/bin/busybox mount -t proc proc /proc
/bin/busybox mount -t sysfs sys /sys
/bin/busybox mount -t devtmpfs dev /dev
/bin/busybox mount -t tmpfs tmp /tmp
for m in /modules/*.ko; do /bin/busybox insmod "$m" || echo "run_in_vm: insmod $m failed"; done
/bin/busybox sleep 1
TMPDIR=/tmp /bin/test --gtest_color=no
echo "run_in_vm: exit $?"
/bin/busybox poweroff -f
INIT
chmod +x "$root/init"
(cd "$root" && find . | cpio -o -H newc --quiet) | gzip -1 > "$work/initramfs.gz"

timeout "${MOTCUA_VM_TIMEOUT:-300}" qemu-system-x86_64 -accel "${MOTCUA_VM_ACCEL:-tcg}" -cpu max -m 1024 -smp 2 -nographic -no-reboot \
  -kernel "$kernel" -initrd "$work/initramfs.gz" -append "console=ttyS0 panic=-1 ${MOTCUA_VM_APPEND:-quiet}" </dev/null \
  | tee "$work/console.log" | grep -v '^\s*$' || true
status=$(sed -n 's/.*run_in_vm: exit \([0-9]*\).*/\1/p' "$work/console.log" | tail -n 1)
[ -n "$status" ] || { echo "run_in_vm: the VM did not run the binary to its end" >&2; exit 2; }
exit "$status"
