package minikernel.kernel.syscall;

import java.io.PrintStream;
import minikernel.cpu.Cpu;
import minikernel.kernel.Kernel;
import minikernel.kernel.sched.Task;

/**
 * The {@code int $0x80} entry: given the number from EAX, finds its row in the {@link Syscall}
 * table, reads only as many argument registers as the handler takes, runs it and returns the
 * result for EAX, all inside the interrupt hook without stopping the CPU (the path
 * do_int80_syscall_32() takes). This is the hot path: no allocation, no strings unless tracing.
 */
public final class SyscallDispatcher implements minikernel.cpu.SyscallHandler {
    private final Kernel kernel;
    private final Cpu cpu;
    private final minikernel.kernel.sched.Scheduler scheduler;
    private final minikernel.kernel.time.Clock clock;
    private final Tracer tracer;
    private final minikernel.kernel.Tracepoints tracepoints;
    private final long[] counts = new long[512];
    private final long[] errors = new long[512];          // calls that returned -errno (for --syscalls-report)
    private final long[] enosys = new long[512];          // ... -ENOSYS among them (e.g. ITIMER_VIRTUAL)
    private final long[] notImplemented = new long[512];
    private final long[] traceArgs = new long[6];
    private boolean prefixPids;

    public SyscallDispatcher(Kernel kernel, PrintStream trace) {
        this.kernel = kernel;
        this.cpu = kernel.cpu();
        this.scheduler = kernel.scheduler();
        this.clock = kernel.clock();
        this.tracer = trace == null ? null : new Tracer(trace, kernel.ram());
        this.tracepoints = kernel.tracepoints();
    }

    @Override
    public long syscall(int number) {
        Task current = scheduler.current();
        long nr = number & 0xffffffffL;
        clock.syscall();
        Syscall call = Syscall.byNumber(nr);
        if (call == null) {
            if (nr < notImplemented.length) {
                notImplemented[(int) nr]++;
            }
            if (tracer != null) {
                tracer.printNotImplemented(current, (int) nr, SyscallNames.of(nr), manyTasks());
            }
            return Errno.ENOSYS.negative();
        }
        counts[call.number()]++;
        long[] args = cpu.syscallArgs(call.argc());
        String[] atEntry = null;
        if (tracer != null) {
            System.arraycopy(args, 0, traceArgs, 0, call.argc());
            args = traceArgs;
            atEntry = tracer.atEntry(current, call, args);
        }
        if (tracepoints.sysExitEnabled()) {
            tracepoints.sysEnter(current, call.number(), args);
        }
        current.setRestartKind(minikernel.kernel.arch.SignalDelivery.ERESTARTSYS);
        long result;
        try {
            result = call.invoke(current, args);
        } catch (RuntimeException e) {
            // A kernel bug: the oops that follows names the call and its arguments, to reproduce it.
            throw new SyscallBug(call, args, e);
        }
        if (current.syscallRestart()) {
            // It went to sleep and will run again from the int $0x80 when woken: EAX keeps the number.
            return Cpu.NO_RESULT;
        }
        if (current.interrupted()) {
            // A signal refused its sleep: what it did so far (a pipe write's bytes), or a restart code.
            current.setInterrupted(false);
            long done = current.syscallProgress();
            current.setSyscallProgress(0);
            result = done > 0 ? done : current.restartKind();
        }
        current.dropHeldFile();
        if (result < 0 && result >= -4095 && !minikernel.kernel.arch.SignalDelivery.isRestart(result)) {
            errors[call.number()]++;
            if (result == Errno.ENOSYS.negative()) {
                enosys[call.number()]++;
            }
        }
        if (minikernel.kernel.arch.SignalDelivery.isRestart(result)) {
            current.setRestartCode(result, nr);      // exit_to_user_mode settles it, handler or not
            cpu.stopAfterHook();
        } else if (result != Syscall.NO_RETURN && minikernel.kernel.signal.Signals.signalPending(current)) {
            cpu.stopAfterHook();                     // a signal to deliver before user code runs on
        }
        if (tracer != null) {
            traceExit(current, call, args, atEntry, result);
        }
        if (tracepoints.sysExitEnabled()) {
            tracepoints.sysExit(current, call.number(), result);
        }
        return result == Syscall.NO_RETURN ? Cpu.NO_RESULT : result;
    }

    private void traceExit(Task current, Syscall call, long[] args, String[] atEntry, long result) {
        boolean many = manyTasks();
        tracer.print(current, call, args, atEntry, result, result == Syscall.NO_RETURN, many);
        if (result == Syscall.NO_RETURN && current.isZombieOrDead()) {
            tracer.exited(current, current.exitCode(), many);
        }
    }

    /** strace -f prefixes lines with the pid from the moment there is more than one task to tell apart. */
    public boolean manyTasks() {
        if (!prefixPids) {
            prefixPids = kernel.scheduler().liveTasks().stream().filter(t -> !t.isKernelThread()).count() > 1;
        }
        return prefixPids;
    }

    /** The tracer, if --trace is on (the kernel reports signal deaths through it too). */
    public Tracer tracer() {
        return tracer;
    }

    /** An exception out of a system call's handler, with the call and its arguments in the message. */
    static final class SyscallBug extends RuntimeException {
        SyscallBug(Syscall call, long[] args, RuntimeException cause) {
            super(describe(call, args) + ": " + cause, cause);
        }

        private static String describe(Syscall call, long[] args) {
            StringBuilder b = new StringBuilder("in ").append(call.traceName()).append('(');
            for (int i = 0; i < call.argc(); i++) {
                b.append(i > 0 ? ", " : "").append(String.format("0x%x", args[i] & 0xffffffffL));
            }
            return b.append(')').toString();
        }
    }

    /** How often each implemented call ran, by number. */
    public long count(int number) {
        return counts[number];
    }

    /** How often an implemented call returned an error (restart codes, never seen by the program, excluded). */
    public long errorCount(int number) {
        return errors[number];
    }

    /** How often an implemented call returned -ENOSYS (an unsupported mode of it). */
    public long enosysCount(int number) {
        return enosys[number];
    }

    /** How often each unimplemented number was asked for. */
    public long notImplementedCount(int number) {
        return notImplemented[number];
    }
}
