#!/usr/bin/env bash
# The first benchmark runner: the benchmark guest programs (tests/guest/bench, static glibc) under
# minikernel (--clock host: the guests time themselves with the host's clock), natively, and under
# qemu-i386 if installed; each figure is the median of 5 runs, printed side by side.
#   scripts/bench.sh            everything
#   scripts/bench.sh quick      one run each, fewer iterations
# Needs the benchmark programs (make -C tests/guest, which needs gcc-multilib) and, for the wall
# time of `run hello`, hyperfine.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bin=tests/target/guest/glibc
[ -x "$bin/bench_fork_exit_wait" ] || make -s -C tests/guest >/dev/null
[ -x "$bin/bench_compute" ] || { echo "bench: needs gcc-multilib for the glibc benchmark programs" >&2; exit 1; }
./minikernel run hello >/dev/null        # build, and train the AOT cache
runs=5
[ "${1:-}" = quick ] && runs=1
has_qemu=$(command -v qemu-i386 >/dev/null && echo yes || echo no)

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# the last number before the unit on the program's line, e.g. "12.5 us per iteration" -> 12.5
figure() { sed -n "s|.* \([0-9][0-9.]*\) $1.*|\1|p" | head -1; }
one() {   # one(unit, command...): the median of $runs runs of the command's figure
    local unit=$1; shift
    local m
    m=$(for _ in $(seq "$runs"); do "$@" 2>/dev/null | figure "$unit"; done | median)
    echo "${m:--}"   # "-": the system could not run it (qemu-user refuses CLONE_VM without CLONE_THREAD)
}
row() {   # row(title, unit, program, args...)
    local title=$1 unit=$2 prog=$3; shift 3
    local native qemu mk
    native=$(one "$unit" "$bin/$prog" "$@")
    qemu=$([ "$has_qemu" = yes ] && one "$unit" qemu-i386 "$bin/$prog" "$@" || echo -)
    mk=$(one "$unit" ./minikernel run --clock host "$bin/$prog" "$@")
    printf '%-40s %10s %10s %10s  %s\n' "$title" "$native" "$qemu" "$mk" "$unit"
}

echo "== ./minikernel run hello, wall time with JVM start (hyperfine, 20 runs)"
if command -v hyperfine >/dev/null; then
    cmds=('./minikernel run hello' "$bin/hello")
    [ "$has_qemu" = yes ] && cmds+=("qemu-i386 $bin/hello")
    hyperfine -N -w 3 -r 20 --style basic "${cmds[@]}" 2>&1 | grep -E '^Benchmark|Time \(mean'
fi
echo
printf '%-40s %10s %10s %10s\n' "median of $runs" native qemu-i386 minikernel
row "compute: 200M LCG steps" ms bench_compute
printf '%-40s %10s %10s %10s  %s\n' "compute, --quantum 0 (timer off)" - - \
    "$(one ms ./minikernel run --clock host --quantum 0 "$bin/bench_compute")" ms
row "syscall(SYS_getppid)" ns bench_getppid
row "fork+exit+wait" us bench_fork_exit_wait
row "vfork+exit+wait" us bench_vfork_exit_wait
for m in 1 16 64; do row "fork after touching $m MiB" ms bench_fork_touch "$m" 50; done
# 20000 iterations: long enough for the JVM's compilers to have warmed the kernel up.
row "clone(CLONE_VM)+exit+wait" us bench_clone_vm_wait 20000
row "pthread_create+join" us bench_pthread_create_join 20000
row "pipe throughput, 64 KiB writes" MB/s bench_pipe_throughput 256
row "pipe ping-pong, 2 processes" us bench_pipe_pingpong
row "pipe ping-pong, 2 threads" us bench_thread_pipe_pingpong
row "sched_yield ping-pong" ns bench_yield_pingpong

# Why a thread switch is cheaper: the kernel's own counters for the two ping-pongs (--stats).
counters() {   # counters(title, program): switches, TLB flushes and fills per round trip
    ./minikernel run --clock host --stats "$bin/$2" 20000 2>&1 >/dev/null | awk -v t="$1" '
        /context switches/ {cs=$3} /new mm/ {nm=$4} /TLB flushes/ {fl=$3} /TLB fills/ {fi=$3}
        END {gsub(",","",cs); gsub(",","",nm); gsub(",","",fl); gsub(",","",fi)
             printf "%-28s %8.2f switches, %5.2f with an mm change, %5.2f TLB flushes, %6.2f TLB fills\n",
                    t, cs/20000, nm/20000, fl/20000, fi/20000}'
}
echo
echo "== kernel counters per round trip (minikernel --stats, 20000 round trips)"
counters "pipe ping-pong, processes:" bench_pipe_pingpong
counters "pipe ping-pong, threads:" bench_thread_pipe_pingpong
