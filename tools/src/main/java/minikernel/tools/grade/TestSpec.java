package minikernel.tools.grade;

import java.util.List;
import java.util.Map;

/**
 * One test of a suite: what to run (C sources of the submission, compiled with the userland
 * toolchain, or a prebuilt ELF of the suite), with what (args, stdin, files in the sandbox),
 * within what budget and under which seeds, and what must hold at the end.
 *
 * @param sources      the submission's C files to compile (or empty, with {@code elf})
 * @param elf          a prebuilt program of the suite (suite-relative), or null
 * @param files        sandbox path (absolute) to a suite-relative host file
 * @param fromImage    files of the default image to copy into the sandbox (e.g. /bin/cat for a shell lab)
 * @param budget       blocks of guest code before the run is stopped (KernelConfig#withBudget)
 * @param memory       the guest's physical memory in bytes
 * @param tasks        pid_max (302, Linux's least, to 32768): a fork bomb stops there, with EAGAIN
 * @param stdout       the exact standard output, or null
 * @param stdoutLines  regular expressions each output line must match, in order, or null
 * @param sameAsReference  stdout must equal the reference solution's, run natively on the host
 * @param exit         the exit status, or null
 * @param signal       the signal that must end it (e.g. "SIGSEGV"), or null
 * @param syscalls     texts that must appear, in this order, in the system-call trace
 * @param invariants   check the kernel afterwards: every task reaped, every frame back, no futex waiters
 */
public record TestSpec(String name, int points, List<String> sources, String elf, List<String> args, String stdin,
                       Map<String, String> files, List<String> fromImage, long budget, long memory, int tasks, List<Long> seeds, String stdout,
                       List<String> stdoutLines, boolean sameAsReference, Integer exit, String signal,
                       List<String> syscalls, boolean invariants) {
}
