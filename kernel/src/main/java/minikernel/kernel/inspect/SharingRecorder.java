package minikernel.kernel.inspect;

import java.util.Optional;
import minikernel.kernel.Kernel;
import minikernel.kernel.sched.Task;
import minikernel.kernel.sched.TaskState;
import minikernel.kernel.syscall.Syscall;

/**
 * Takes the {@link SharingSnapshot} a diagram shows, from the sys_exit tracepoint: either at the
 * moment the most tasks were alive (the first time the count reached its highest), or when the
 * Nth call of a named system call returns ({@code --at clone}, {@code --at clone:2}).
 */
public final class SharingRecorder {
    private final Kernel kernel;
    private final Syscall at;       // null: the moment with the most tasks
    private final int occurrence;
    private int seen;
    private int most;
    private SharingSnapshot snapshot;

    private SharingRecorder(Kernel kernel, Syscall at, int occurrence) {
        this.kernel = kernel;
        this.at = at;
        this.occurrence = occurrence;
        kernel.tracepoints().registerSysExit(this::sysExit);
    }

    /** Records the moment the most user tasks were alive (zombies are not alive). */
    public static SharingRecorder mostTasks(Kernel kernel) {
        return new SharingRecorder(kernel, null, 0);
    }

    /** Records the moment the {@code occurrence}th call (1 = the first) of {@code name} returns. */
    public static SharingRecorder atSyscall(Kernel kernel, String name, int occurrence) {
        return new SharingRecorder(kernel, syscall(name), occurrence);
    }

    /** The system call called {@code name} (as strace names it), or an IllegalArgumentException. */
    public static Syscall syscall(String name) {
        return Syscall.byName(name).orElseThrow(() -> new IllegalArgumentException("no system call named '" + name + "' (minikernel implements, e.g., clone,"
                + " fork, vfork, execve, exit_group, wait4)"));
    }

    public Optional<SharingSnapshot> snapshot() {
        return Optional.ofNullable(snapshot);
    }

    private void sysExit(Task task, int number, long result) {
        if (at != null) {
            if (number == at.number() && ++seen == occurrence) {
                snapshot = SharingSnapshot.of(kernel, String.format("as %s #%d returned %d to pid %d",
                        at.traceName(), occurrence, result, task.pid()));
            }
            return;
        }
        int alive = alive();
        if (alive > most) {
            most = alive;
            snapshot = SharingSnapshot.of(kernel, String.format("the most tasks alive (%d), as %s returned %d to"
                    + " pid %d", alive, Syscall.byNumber(number).traceName(), result, task.pid()));
        }
    }

    private int alive() {
        int n = 0;
        for (Task t : kernel.scheduler().tasks()) {
            if (!t.isKernelThread() && t.state() != TaskState.ZOMBIE && t.state() != TaskState.DEAD) {
                n++;
            }
        }
        return n;
    }
}
