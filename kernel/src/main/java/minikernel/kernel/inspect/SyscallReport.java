package minikernel.kernel.inspect;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import minikernel.kernel.syscall.Syscall;
import minikernel.kernel.syscall.SyscallDispatcher;
import minikernel.kernel.syscall.SyscallNames;

/**
 * {@code run --syscalls-report}: which system calls a program made, how many failed, and which
 * got -ENOSYS: numbers minikernel does not implement at all, or unsupported modes of ones it
 * does. It tells a user what is missing for their program (strace -c is the model).
 */
public final class SyscallReport {
    private SyscallReport() {
    }

    /** One system call's row. */
    public record Row(int number, String name, long calls, long errors, long enosys, boolean implemented) {
    }

    public static List<Row> rows(SyscallDispatcher d) {
        List<Row> rows = new ArrayList<>();
        for (int nr = 0; nr < 512; nr++) {
            Syscall call = Syscall.byNumber(nr);
            if (call != null && call.number() == nr && d.count(nr) > 0) {
                rows.add(new Row(nr, call.traceName(), d.count(nr), d.errorCount(nr), d.enosysCount(nr), true));
            } else if (call == null && d.notImplementedCount(nr) > 0) {
                long n = d.notImplementedCount(nr);
                String name = SyscallNames.of(nr);
                rows.add(new Row(nr, name != null ? name : "syscall_" + nr, n, n, n, false));
            }
        }
        return rows;
    }

    public static void print(SyscallDispatcher d, PrintStream out) {
        List<Row> rows = rows(d);
        long calls = rows.stream().mapToLong(Row::calls).sum();
        out.printf("minikernel: system calls made (%,d calls of %d kinds)%n", calls, rows.size());
        out.printf("  %-22s %4s %10s %8s %8s%n", "syscall", "nr", "calls", "errors", "ENOSYS");
        for (Row r : rows) {
            out.printf("  %-22s %4d %10d %8s %8s%s%n", r.name(), r.number(), r.calls(), dash(r.errors()),
                    dash(r.enosys()), r.implemented() ? "" : "  not implemented");
        }
        List<String> missing = rows.stream().filter(r -> r.enosys() > 0)
                .map(r -> r.name() + (r.implemented() ? " (a mode of it)" : "")).toList();
        out.println(missing.isEmpty() ? "  no call returned ENOSYS"
                : "  returned ENOSYS: " + String.join(", ", missing));
    }

    private static String dash(long n) {
        return n == 0 ? "-" : Long.toString(n);
    }
}
