package minikernel.kernel.signal;

import minikernel.kernel.sched.Task;

/**
 * ptrace's signal-delivery-stop, for the tracer a minikernel run may have: a debugger attached
 * to it (the gdb stub, as gdb is a ptrace tracer on Linux). get_signal() hands the tracer each
 * signal it has dequeued, before acting on it (ptrace_signal()); the task stays stopped until the
 * tracer answers with the signal it goes on with: the same one, another, or none (0) to cancel it.
 * SIGKILL is never shown.
 */
@FunctionalInterface
public interface SignalTracer {
    int signalDeliveryStop(Task task, int sig, SigInfo info);
}
