#!/usr/bin/env bash
# Prints the walking skeleton's speed figures beside native Linux and qemu-i386, in one sitting:
#   1. wall time of `./minikernel run hello` (JVM start included), hyperfine mean of 20 runs
#   2. a compute-bound static glibc program (an LCG, ~1 G instructions), its own elapsed time,
#      median of 5: with the deterministic quantum (the default) and with the timer off (--quantum 0)
#   3. syscall(SYS_getppid) in a loop, ns per call, median of 5
# Guest times come from the guests' own clock_gettime with --clock host. Needs the test programs
# (./run-tests, or make -C tests/guest) and, for the comparisons, hyperfine and qemu-user.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bin=tests/target/guest/glibc
[ -x "$bin/bench_compute" ] || make -s -C tests/guest >/dev/null
[ -x "$bin/bench_compute" ] || { echo "bench: needs gcc-multilib for the glibc benchmark programs" >&2; exit 1; }
./minikernel run hello >/dev/null        # build and train the AOT cache first

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
runs() { for _ in 1 2 3 4 5; do "$@"; done; }
ms() { "$@" | sed -n 's/^elapsed: \([0-9]*\) ms/\1/p'; }
ns() { "$@" | sed -n 's/.*: \([0-9]*\) ns per call/\1/p'; }
has_qemu=$(command -v qemu-i386 >/dev/null && echo yes || echo no)

echo "== 1. ./minikernel run hello, wall time (JVM start included)"
if command -v hyperfine >/dev/null; then
    cmds=('./minikernel run hello' "$bin/hello")
    [ "$has_qemu" = yes ] && cmds+=("qemu-i386 $bin/hello")
    hyperfine -N -w 3 -r 20 --style basic "${cmds[@]}" 2>&1 | grep -E '^Benchmark|Time \(mean'
else
    echo "(hyperfine not installed)"
fi

echo "== 2. bench_compute (200M LCG steps, ~1.2 G instructions), guest-measured ms, median of 5"
printf '%-34s %6s ms\n' "native" "$(runs ms "$bin/bench_compute" | median)"
[ "$has_qemu" = yes ] && printf '%-34s %6s ms\n' "qemu-i386" "$(runs ms qemu-i386 "$bin/bench_compute" | median)"
printf '%-34s %6s ms\n' "minikernel (deterministic quantum)" "$(runs ms ./minikernel run --clock host "$bin/bench_compute" | median)"
printf '%-34s %6s ms\n' "minikernel --quantum 0 (no timer)" "$(runs ms ./minikernel run --clock host --quantum 0 "$bin/bench_compute" | median)"

echo "== 3. syscall(SYS_getppid), 10M calls, ns per call, median of 5"
printf '%-34s %6s ns\n' "native" "$(runs ns "$bin/bench_getppid" | median)"
[ "$has_qemu" = yes ] && printf '%-34s %6s ns\n' "qemu-i386" "$(runs ns qemu-i386 "$bin/bench_getppid" | median)"
printf '%-34s %6s ns\n' "minikernel" "$(runs ns ./minikernel run --clock host "$bin/bench_getppid" | median)"
