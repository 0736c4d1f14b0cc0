package minikernel.tools;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.util.Locale;
import minikernel.kernel.KernelConfig;
import minikernel.kernel.time.Clock;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** The options every command that starts a kernel shares: memory, seed, clock, trace, quantum. */
final class KernelOptions {
    private KernelOptions() {
    }

    static void add(Options o) {
        o.addOption(Option.builder().longOpt("trace").desc("print every system call, strace style, on stderr").get());
        o.addOption(Option.builder().longOpt("seed").hasArg().argName("N")
                .desc("perturb the scheduler's quanta with seed N (0: fixed quanta); same seed, same run").get());
        o.addOption(Option.builder().longOpt("mem").hasArg().argName("SIZE")
                .desc("physical memory, e.g. 256M (default) or 1G").get());
        o.addOption(Option.builder().longOpt("clock").hasArg().argName("virtual|host")
                .desc("virtual time (default, reproducible) or the host's clock (for benchmarks)").get());
        o.addOption(Option.builder().longOpt("quantum").hasArg().argName("BLOCKS")
                .desc("translated blocks per scheduling quantum (default " + KernelConfig.DEFAULT_QUANTUM
                        + "); 0 turns the timer off: faster guest code, tasks switch only when they block").get());
        o.addOption(Option.builder().longOpt("budget").hasArg().argName("BLOCKS")
                .desc("stop everything after BLOCKS blocks of guest code (a deterministic time limit; 0: none)").get());
        o.addOption(Option.builder().longOpt("stats")
                .desc("when the guest ends, print the kernel's counters on stderr: context switches (between"
                        + " threads and between processes), TLB flushes and fills, page faults, clones").get());
        o.addOption(Option.builder().longOpt("syscalls-report")
                .desc("when the guest ends, print on stderr which system calls it made, how many failed, and"
                        + " which returned ENOSYS (not implemented)").get());
        o.addOption(Option.builder("h").longOpt("help").desc("show this help").get());
    }

    /** Prints {@code kernel}'s statistics and system-call report if {@code --stats}, {@code --syscalls-report} were given; {@code started} is System.nanoTime() at boot. */
    static void printStats(CommandLine cl, minikernel.kernel.Kernel kernel, long started) {
        if (cl.hasOption("stats")) {
            System.err.printf("minikernel: statistics (%.1f ms in the kernel's run, JVM up %d ms)%n",
                    (System.nanoTime() - started) / 1e6,
                    java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
            kernel.stats().print(System.err);
        }
        if (cl.hasOption("syscalls-report")) {
            minikernel.kernel.inspect.SyscallReport.print(kernel.syscalls(), System.err);
        }
    }

    static KernelConfig config(CommandLine cl, int uid, int gid) throws UsageException {
        KernelConfig c = KernelConfig.defaults().withUser(uid, gid);
        if (cl.hasOption("trace")) {
            c = c.withTrace(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
        }
        if (cl.hasOption("seed")) {
            c = c.withSeed(number(cl.getOptionValue("seed"), "--seed"));
        }
        if (cl.hasOption("mem")) {
            long bytes = size(cl.getOptionValue("mem"));
            if (bytes < 4L << 20 || bytes > 3L << 30) {
                throw new UsageException("--mem must be between 4M and 3G");
            }
            c = c.withMemory(bytes & ~0xfffL);
        }
        if (cl.hasOption("clock")) {
            String v = cl.getOptionValue("clock").toLowerCase(Locale.ROOT);
            c = c.withClock(switch (v) {
                case "virtual" -> Clock.Mode.VIRTUAL;
                case "host" -> Clock.Mode.HOST;
                default -> throw new UsageException("--clock must be 'virtual' or 'host', not '" + v + "'");
            });
        }
        if (cl.hasOption("budget")) {
            long b = number(cl.getOptionValue("budget"), "--budget");
            if (b < 0) {
                throw new UsageException("--budget must be 0 (none) or more");
            }
            c = c.withBudget(b);
        }
        if (cl.hasOption("quantum")) {
            long q = number(cl.getOptionValue("quantum"), "--quantum");
            if (q < 0) {
                throw new UsageException("--quantum must be 0 (no timer) or more");
            }
            c = c.withQuantum(q);
        }
        return c;
    }

    private static long number(String s, String option) throws UsageException {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new UsageException(option + " needs a number, not '" + s + "'");
        }
    }

    /** "256M", "1G", "65536K" or plain bytes. */
    static long size(String s) throws UsageException {
        String t = s.trim().toUpperCase(Locale.ROOT);
        long unit = 1;
        if (t.endsWith("K") || t.endsWith("M") || t.endsWith("G")) {
            unit = switch (t.charAt(t.length() - 1)) {
                case 'K' -> 1L << 10;
                case 'M' -> 1L << 20;
                default -> 1L << 30;
            };
            t = t.substring(0, t.length() - 1);
        }
        try {
            return Long.parseLong(t) * unit;
        } catch (NumberFormatException e) {
            throw new UsageException("--mem needs a size like 256M, not '" + s + "'");
        }
    }

    /** A mistake on the command line: the message is shown with the command's usage. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }
}
