package minikernel.kernel.inspect;

import java.util.StringJoiner;
import minikernel.cpu.Gdt;
import minikernel.cpu.SegmentDescriptor;
import minikernel.kernel.sched.Task;
import minikernel.kernel.sched.TaskState;
import minikernel.kernel.signal.Signal;
import minikernel.kernel.syscall.Flags;

/**
 * The debugger's {@code task PID}: the whole task_struct, one "field  value" line per field, under
 * the names include/linux/sched.h gives them, in roughly the order they appear there. The objects
 * a task points to are named as {@link SharingSnapshot} numbers them, with their counts.
 */
public final class TaskView {
    private static final String ROW = "%-22s %s%n";

    private TaskView() {
    }

    public static String render(Task t) {
        ObjectNames names = ObjectNames.of(t.kernel());
        StringBuilder b = new StringBuilder();
        b.append(String.format("task_struct of %s%s%n", t, t.isKernelThread() ? " (kernel thread: PF_KTHREAD)" : ""));
        row(b, "pid", t.pid());
        row(b, "tgid", t.tgid() + (t.groupLeader() == t ? " (thread group leader)" : ""));
        row(b, "comm", "\"" + t.comm() + "\"");
        // Linux keeps a live task's state in __state and a dead one's in exit_state (__state TASK_DEAD).
        row(b, "__state", state(t.state()));
        row(b, "exit_state", exitState(t.state()));
        row(b, "exit_code", String.format("0x%04x", t.exitCode()));
        // -1 for a thread (CLONE_THREAD): only a group's leader signals the parent.
        row(b, "exit_signal", t.exitSignal() <= 0 ? Integer.toString(t.exitSignal())
                : t.exitSignal() + " (" + Signal.name(t.exitSignal()) + ")");
        row(b, "real_parent", Views.task(t.realParent()));
        row(b, "parent", Views.task(t.parent()));
        row(b, "group_leader", Views.task(t.groupLeader()));
        StringJoiner kids = new StringJoiner(" ", "[", "]");
        for (Task c : t.children()) {
            kids.add(c.toString());
        }
        row(b, "children", kids.toString());
        row(b, "prio", t.prio());
        row(b, "static_prio", t.staticPrio());
        row(b, "normal_prio", t.normalPrio());
        row(b, "rt_priority", t.rtPriority());
        row(b, "nice", t.nice() + "  (task_nice(): static_prio - 120)");
        row(b, "se.vruntime", t.vruntime());
        row(b, "nvcsw", t.nvcsw());
        row(b, "nivcsw", t.nivcsw());
        // A kernel thread has no mm; active_mm is what it borrowed (here: none, it runs Java code).
        row(b, "mm", object(names, SharedObject.MM, t.mm()));
        row(b, "active_mm", object(names, SharedObject.MM, t.activeMm()));
        row(b, "fs", object(names, SharedObject.FS, t.fs()));
        row(b, "files", object(names, SharedObject.FILES, t.files()));
        row(b, "sighand", object(names, SharedObject.SIGHAND, t.sighand()));
        row(b, "signal", object(names, SharedObject.SIGNAL, t.signal()));
        row(b, "blocked", sigset(t.blocked()));
        row(b, "pending", sigset(t.pending()));
        if (t.signal() != null) {
            row(b, "signal->shared_pending", sigset(t.signal().sharedPending().mask()));
        }
        row(b, "saved_sigmask", sigset(t.savedSigmask()) + (t.restoreSigmask() ? "  (TIF_RESTORE_SIGMASK)" : ""));
        row(b, "sas_ss_sp", Views.ptr(t.sasSsSp()));
        row(b, "sas_ss_size", t.sasSsSize());
        row(b, "set_child_tid", Views.ptr(t.setChildTid()));
        row(b, "clear_child_tid", Views.ptr(t.clearChildTid()));
        row(b, "robust_list", Views.ptr(t.robustList()));
        SegmentDescriptor[] tls = t.tls();
        for (int i = 0; i < tls.length; i++) {
            row(b, "tls_array[" + i + "]", "GDT " + (Gdt.TLS_MIN + i) + ": " + tls(tls[i]));
        }
        row(b, "wchan", t.wchan().isEmpty() ? "0" : t.wchan());
        row(b, "sysvsem.undo_list", t.sysvsem() == null ? "NULL"
                : "sem_undo_list (refcnt " + t.sysvsem().refcnt() + ")");
        return b.toString();
    }

    private static void row(StringBuilder b, String field, Object value) {
        b.append(String.format(ROW, field, value));
    }

    /** "mm#1 (mm_users 2)", or NULL. */
    private static String object(ObjectNames names, SharedObject kind, Object o) {
        if (o == null) {
            return "NULL";
        }
        return names.name(kind, o) + " (" + kind.counter() + " " + SharingSnapshot.count(o, kind) + ")";
    }

    private static String state(TaskState s) {
        return switch (s) {
            case RUNNING -> "TASK_RUNNING (R)";
            case INTERRUPTIBLE -> "TASK_INTERRUPTIBLE (S)";
            case UNINTERRUPTIBLE -> "TASK_UNINTERRUPTIBLE (D)";
            case STOPPED -> "TASK_STOPPED (T)";
            case ZOMBIE, DEAD -> "TASK_DEAD";
        };
    }

    private static String exitState(TaskState s) {
        return switch (s) {
            case ZOMBIE -> "EXIT_ZOMBIE (Z)";
            case DEAD -> "EXIT_DEAD (X)";
            default -> "0";
        };
    }

    /** "0x0000000000010000 [CHLD]": the 64-bit mask, then the signals in it. */
    static String sigset(long mask) {
        return String.format("0x%016x %s", mask, Flags.sigset(mask));
    }

    /**
     * One TLS descriptor as set_thread_area's struct user_desc describes it (what glibc passed):
     * base_addr, limit, and the flag bits that are set. An unused entry is "empty".
     */
    static String tls(SegmentDescriptor d) {
        if (d.isEmpty()) {
            return "empty";
        }
        StringJoiner flags = new StringJoiner("|");
        if (d.bits32()) {
            flags.add("seg_32bit");
        }
        int contents = d.type() >>> 2 & 3;
        if (contents != 0) {
            flags.add("contents=" + contents);
        }
        if ((d.type() & 2) == 0) {
            flags.add("read_exec_only");
        }
        if (d.pageGranular()) {
            flags.add("limit_in_pages");
        }
        if (!d.present()) {
            flags.add("seg_not_present");
        }
        if (d.available()) {
            flags.add("useable");
        }
        return String.format("base 0x%08x limit 0x%05x %s", d.base(), d.limit(), flags.length() == 0 ? "0" : flags);
    }
}
