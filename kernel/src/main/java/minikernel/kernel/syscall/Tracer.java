package minikernel.kernel.syscall;

import java.io.PrintStream;
import minikernel.cpu.PageTableEntry;
import minikernel.cpu.PhysicalMemory;
import minikernel.kernel.mm.MmStruct;
import minikernel.kernel.sched.Task;
import minikernel.kernel.signal.Signal;

/**
 * Prints each system call the way strace(1) does, from the same {@link Syscall} table that
 * dispatches it: {@code write(1, "Hello\n", 6) = 6}. Memory is read only where it is already
 * mapped, so tracing never faults a page in and a traced run behaves exactly like an untraced one.
 */
public final class Tracer {
    private static final int MAX_STRING = 32;
    private static final int RESULT_COLUMN = 39;

    private final PrintStream out;
    private final PhysicalMemory ram;

    public Tracer(PrintStream out, PhysicalMemory ram) {
        this.out = out;
        this.ram = ram;
    }

    /**
     * The arguments as they are when the call starts (strace reads them at entry: execve's argv is
     * gone afterwards); those the call fills in (BUF_OUT) are left null for {@link #print}.
     */
    public String[] atEntry(Task task, Syscall call, long[] args) {
        ArgFormat[] formats = call.formats();
        String[] text = new String[formats.length];
        for (int i = 0; i < formats.length; i++) {
            if (formats[i] != ArgFormat.BUF_OUT) {
                text[i] = format(task.mm(), formats[i], args, i, 0);
            }
        }
        return text;
    }

    /** One finished call; {@code noReturn} for exit and exit_group, which print "= ?". */
    public void print(Task task, Syscall call, long[] args, String[] atEntry, long result, boolean noReturn,
                      boolean manyTasks) {
        StringBuilder b = new StringBuilder();
        if (manyTasks) {
            b.append("[pid ").append(task.pid()).append("] ");
        }
        b.append(call.traceName()).append('(');
        ArgFormat[] formats = call.formats();
        for (int i = 0; i < formats.length; i++) {
            if (i > 0) {
                b.append(", ");
            }
            b.append(atEntry[i] != null ? atEntry[i] : format(task.mm(), formats[i], args, i, result));
        }
        b.append(')');
        pad(b);
        b.append("= ");
        if (noReturn) {
            // execve does not return to its caller, but strace reports the success of the call.
            b.append(call == Syscall.EXECVE && !task.isZombieOrDead() ? "0" : "?");
        } else {
            b.append(result(call, result));
        }
        out.println(b);
    }

    /** A number with no handler: strace names it from the table and shows no arguments. */
    public void printNotImplemented(Task task, int number, String name, boolean manyTasks) {
        StringBuilder b = new StringBuilder();
        if (manyTasks) {
            b.append("[pid ").append(task.pid()).append("] ");
        }
        b.append(name != null ? name : "syscall_" + number).append("(...)");
        pad(b);
        b.append("= -1 ENOSYS (Function not implemented)");
        out.println(b);
        out.println("--- minikernel: " + (name != null ? name : "system call") + " (" + number
                + ") is not implemented ---");
    }

    /** A signal the kernel sends for a fault, as strace shows it before the task dies. */
    public void signal(Task task, Signal sig, String code, long address) {
        out.println("--- " + sig + " {si_signo=" + sig + ", si_code=" + code + ", si_addr="
                + (address == 0 ? "NULL" : "0x" + Long.toHexString(address)) + "} ---");
    }

    /** The end of a task, as strace -f reports it. */
    public void exited(Task task, int status, boolean manyTasks) {
        String prefix = manyTasks ? "[pid " + task.pid() + "] " : "";
        int signal = status & 0x7f;
        out.println(prefix + (signal == 0 ? "+++ exited with " + (status >>> 8 & 0xff) + " +++"
                : "+++ killed by " + Signal.name(signal) + ((status & 0x80) != 0 ? " (core dumped)" : "") + " +++"));
    }

    private static void pad(StringBuilder b) {
        b.append(' ');
        while (b.length() < RESULT_COLUMN) {
            b.append(' ');
        }
    }

    private static String result(Syscall call, long r) {
        if (Errno.isError(r)) {
            Errno e = Errno.of((int) -r);
            return e == null ? "-1 E" + (-r) : "-1 " + e.name() + " (" + e.message + ")";
        }
        return call.hexResult() ? "0x" + Long.toHexString(r & 0xffffffffL) : Long.toString(r);
    }

    private String format(MmStruct mm, ArgFormat f, long[] args, int i, long result) {
        long v = args[i];
        return switch (f) {
            case INT -> Integer.toString((int) v);
            case UINT -> Long.toString(v);
            case HEX -> "0x" + Long.toHexString(v);
            case PTR -> pointer(v);
            case FD -> (int) v == -100 ? "AT_FDCWD" : Integer.toString((int) v);
            case OCTAL -> "0" + Long.toOctalString(v);
            case STRING -> string(mm, v);
            case BUF_IN -> buffer(mm, v, i + 1 < args.length ? args[i + 1] : 0);
            case BUF_OUT -> Errno.isError(result) ? pointer(v) : buffer(mm, v, result);
            case IOVEC_IN -> iovec(mm, v, i + 1 < args.length ? args[i + 1] : 0);
            case PROT -> Flags.prot(v);
            case MAP_FLAGS -> Flags.map(v);
            case OPEN_FLAGS -> Flags.open(v);
            case CLOCK -> Flags.clock(v);
            case SIGNAL -> Signal.name((int) v);
            case SIGMASK_HOW -> Flags.sigmaskHow(v);
            case IOCTL_REQUEST -> Flags.ioctl(v);
            case RLIMIT -> Flags.rlimit(v);
            case AT_FLAGS -> Flags.at(v);
            case TIMESPEC_IN -> timespec(mm, v);
            case CLONE_FLAGS -> minikernel.kernel.fork.CloneFlag.toString(v);
            case WAIT_OPTIONS -> Flags.waitOptions(v);
            case ARGV -> stringArray(mm, v, true);
            case ENVP -> stringArray(mm, v, false);
            case FUTEX_OP -> Flags.futexOp(v);
        };
    }

    private static String pointer(long v) {
        return v == 0 ? "NULL" : "0x" + Long.toHexString(v);
    }

    private String string(MmStruct mm, long va) {
        if (va == 0) {
            return "NULL";
        }
        byte[] bytes = peek(mm, va, MAX_STRING + 1, true);
        if (bytes == null) {
            return pointer(va);
        }
        int n = 0;
        while (n < bytes.length && bytes[n] != 0) {
            n++;
        }
        return quote(bytes, Math.min(n, MAX_STRING)) + (n > MAX_STRING ? "..." : "");
    }

    private String buffer(MmStruct mm, long va, long length) {
        int n = (int) Math.min(length, MAX_STRING);
        byte[] bytes = peek(mm, va, n, false);
        if (bytes == null) {
            return pointer(va);
        }
        return quote(bytes, n) + (length > MAX_STRING ? "..." : "");
    }

    private String iovec(MmStruct mm, long va, long count) {
        byte[] iov = peek(mm, va, (int) Math.min(count, 8) * 8, false);
        if (iov == null) {
            return pointer(va);
        }
        StringBuilder b = new StringBuilder("[");
        for (int k = 0; k * 8 < iov.length; k++) {
            long base = u32(iov, 8 * k), len = u32(iov, 8 * k + 4);
            b.append(k > 0 ? ", " : "").append("{iov_base=").append(buffer(mm, base, len))
                    .append(", iov_len=").append(len).append('}');
        }
        return b.append(count > 8 ? ", ...]" : "]").toString();
    }

    /** ["a", "b"] for argv, or 0x... /* N vars *\/ for envp, as strace shows them. */
    private String stringArray(MmStruct mm, long va, boolean show) {
        if (va == 0) {
            return "NULL";
        }
        StringBuilder b = new StringBuilder("[");
        int n = 0;
        while (n < 256) {
            byte[] p = peek(mm, va + 4L * n, 4, false);
            if (p == null) {
                return pointer(va);
            }
            long s = u32(p, 0);
            if (s == 0) {
                break;
            }
            if (show) {
                b.append(n > 0 ? ", " : "").append(n < 32 ? string(mm, s) : "...");
            }
            n++;
        }
        return show ? b.append(']').toString() : pointer(va) + " /* " + n + " var" + (n == 1 ? "" : "s") + " */";
    }

    private String timespec(MmStruct mm, long va) {
        byte[] t = peek(mm, va, 8, false);
        if (t == null) {
            return pointer(va);
        }
        return "{tv_sec=" + (int) u32(t, 0) + ", tv_nsec=" + (int) u32(t, 4) + "}";
    }

    private static long u32(byte[] b, int o) {
        return (b[o] & 0xff | (b[o + 1] & 0xff) << 8 | (b[o + 2] & 0xff) << 16 | (b[o + 3] & 0xffL) << 24);
    }

    /** Bytes of user memory that is present now; null if any page is missing (no faulting in). */
    private byte[] peek(MmStruct mm, long va, int length, boolean stopAtNul) {
        if (mm == null) {
            return null;
        }
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            int pte = mm.pageTables().pte(va + i);
            if (!PageTableEntry.present(pte)) {
                if (stopAtNul && i > 0) {
                    return java.util.Arrays.copyOf(b, i);
                }
                return null;
            }
            b[i] = ram.getByte(PageTableEntry.frame(pte) | (va + i) & 0xfff);
            if (stopAtNul && b[i] == 0) {
                return java.util.Arrays.copyOf(b, i + 1);
            }
        }
        return b;
    }

    /** C-style quoting as strace does it: \n, \t, \", \\ and \ooo octal for other non-printables. */
    static String quote(byte[] bytes, int n) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < n; i++) {
            int c = bytes[i] & 0xff;
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                case '\f' -> b.append("\\f");
                case 0x0b -> b.append("\\v");
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c >= 0x20 && c < 0x7f) {
                        b.append((char) c);
                    } else {
                        b.append('\\').append(Integer.toOctalString(c));
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
