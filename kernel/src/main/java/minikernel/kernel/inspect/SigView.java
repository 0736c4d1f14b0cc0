package minikernel.kernel.inspect;

import minikernel.kernel.sched.Task;
import minikernel.kernel.signal.SigHand;
import minikernel.kernel.signal.Signal;
import minikernel.kernel.syscall.Flags;

/**
 * The debugger's {@code sig PID}: a thread's signal state (kernel/signal.c's view of it): its
 * blocked mask, the signals pending for it alone (task->pending: tkill, faults) and for its whole
 * thread group (signal->shared_pending: kill), and the sighand_struct's action table, every signal
 * whose disposition is not SIG_DFL with its handler or SIG_IGN, sa_flags and sa_mask.
 */
public final class SigView {
    private SigView() {
    }

    public static String render(Task t) {
        StringBuilder b = new StringBuilder();
        b.append(String.format("%-15s %s%n", "blocked", TaskView.sigset(t.blocked())));
        if (t.timedwaitBlocked() != null) {
            b.append(String.format("%-15s %s  (rt_sigtimedwait's real_blocked)%n", "real_blocked",
                    TaskView.sigset(t.timedwaitBlocked())));
        }
        b.append(String.format("%-15s %s  (this thread)%n", "pending", TaskView.sigset(t.pending())));
        if (t.signal() != null) {
            b.append(String.format("%-15s %s  (the thread group)%n", "shared_pending",
                    TaskView.sigset(t.signal().sharedPending().mask())));
        }
        SigHand sighand = t.sighand();
        if (sighand == null) {
            return b.append("sighand NULL (released at exit)\n").toString();
        }
        String name = ObjectNames.of(t.kernel()).name(SharedObject.SIGHAND, sighand);
        b.append(String.format("%s (count %d): every action that is not SIG_DFL%n", name, sighand.count()));
        b.append(String.format("  %-10s %-10s %-10s %-40s %s%n", "SIG", "HANDLER", "RESTORER", "SA_FLAGS", "SA_MASK"));
        int shown = 0;
        for (int sig = 1; sig <= Signal.NSIG; sig++) {
            SigHand.SigAction a = sighand.get(sig);
            if (a.handler() == SigHand.SigAction.SIG_DFL) {
                continue;
            }
            shown++;
            String handler = a.handler() == SigHand.SigAction.SIG_IGN ? "SIG_IGN" : Views.hex(a.handler());
            b.append(String.format("  %-10s %-10s %-10s %-40s %s", Signal.name(sig), handler, Views.ptr(a.restorer()),
                    Flags.saFlags(a.flags()), Flags.sigset(a.mask())));
            Views.endLine(b);
        }
        if (shown == 0) {
            b.append("  (none: every signal has its default action)\n");
        }
        return b.toString();
    }
}
