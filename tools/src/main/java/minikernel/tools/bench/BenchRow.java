package minikernel.tools.bench;

import java.util.List;

/**
 * One row of {@code minikernel bench}: a benchmark program of /usr/bench with its arguments (a full
 * run and a {@code --quick} one). {@code kernelBound} rows spend their time in system calls, so
 * they measure the kernel; the compute row measures the CPU emulation.
 */
public record BenchRow(String id, String title, String program, List<String> args, List<String> quickArgs,
                       boolean kernelBound) {

    /** The rows, in the order of the table: the seed article's experiment, lmbench style. */
    public static List<BenchRow> all() {
        return List.of(
                new BenchRow("null", "null syscall (getppid)", "bench_getppid", List.of("2000000"),
                        List.of("300000"), true),
                new BenchRow("fork", "fork+exit+wait", "bench_fork_exit_wait", List.of("2000"), List.of("300"), true),
                new BenchRow("vfork", "vfork+exit+wait", "bench_vfork_exit_wait", List.of("2000"), List.of("300"),
                        true),
                new BenchRow("clone-vm", "clone(CLONE_VM)+exit+wait", "bench_clone_vm_wait", List.of("2000"),
                        List.of("300"), true),
                new BenchRow("pthread", "pthread_create+join", "bench_pthread_create_join", List.of("2000"),
                        List.of("300"), true),
                new BenchRow("pingpong-proc", "pipe ping-pong, 2 processes", "bench_pipe_pingpong",
                        List.of("20000"), List.of("3000"), true),
                new BenchRow("pingpong-thread", "pipe ping-pong, 2 threads", "bench_thread_pipe_pingpong",
                        List.of("20000"), List.of("3000"), true),
                new BenchRow("fork-1m", "fork after touching 1 MiB", "bench_fork_touch", List.of("1", "200"),
                        List.of("1", "30"), true),
                new BenchRow("fork-16m", "fork after touching 16 MiB", "bench_fork_touch", List.of("16", "100"),
                        List.of("16", "20"), true),
                new BenchRow("fork-64m", "fork after touching 64 MiB", "bench_fork_touch", List.of("64", "50"),
                        List.of("64", "10"), true),
                new BenchRow("compute", "compute loop (200M LCG steps)", "bench_compute", List.of("200000000"),
                        List.of("200000000"), false));
    }

    public List<String> args(boolean quick) {
        return quick ? quickArgs : args;
    }
}
