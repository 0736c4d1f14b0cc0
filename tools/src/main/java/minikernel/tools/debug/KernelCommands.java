package minikernel.tools.debug;

import minikernel.kernel.inspect.SharingDot;
import minikernel.kernel.inspect.SharingSnapshot;
import minikernel.kernel.inspect.SharingText;
import minikernel.kernel.sched.Task;

/** The kernel's objects: ps, task, thread, vm, pt, fds, share, sched, futex, sig. */
final class KernelCommands {
    private KernelCommands() {
    }

    /** A view of one task: "NAME [PID]" (the task in focus without a PID). */
    private abstract static class TaskView extends Named {
        TaskView(String name, String help) {
            super(name + " [PID]: " + help, name);
        }

        @Override
        public After run(Debugger d, String args) throws DebugException {
            d.out().print(render(pid(d, args)));
            return After.STAY;
        }

        abstract String render(Task t);
    }

    /** "PID", "-p PID" or nothing (the task in focus). */
    static Task pid(Debugger d, String args) throws DebugException {
        String a = args.startsWith("-p ") ? args.substring(3).strip() : args.strip();
        if (a.isEmpty()) {
            return d.focus();
        }
        try {
            return d.task(Integer.parseInt(a));
        } catch (NumberFormatException e) {
            throw new DebugException("a pid, not '" + a + "'");
        }
    }

    static final class TaskStruct extends TaskView {
        TaskStruct() {
            super("task", "the whole task_struct, with Linux's field names");
        }

        @Override
        String render(Task t) {
            return minikernel.kernel.inspect.TaskView.render(t);
        }
    }

    static final class Vm extends TaskView {
        Vm() {
            super("vm", "the address space's VMAs, as /proc/PID/maps shows them");
        }

        @Override
        String render(Task t) {
            return minikernel.kernel.inspect.VmView.render(t);
        }
    }

    static final class Fds extends TaskView {
        Fds() {
            super("fds", "the descriptor table: files, offsets, flags, counts, close-on-exec");
        }

        @Override
        String render(Task t) {
            return minikernel.kernel.inspect.FdView.render(t);
        }
    }

    static final class Sig extends TaskView {
        Sig() {
            super("sig", "blocked and pending signals, and the handlers");
        }

        @Override
        String render(Task t) {
            return minikernel.kernel.inspect.SigView.render(t);
        }
    }

    /** A view of the whole kernel: ps, sched, futex. */
    private static final class KernelView extends Named {
        private final java.util.function.Function<minikernel.kernel.Kernel, String> view;

        KernelView(String name, String help, java.util.function.Function<minikernel.kernel.Kernel, String> view) {
            super(name + ": " + help, name);
            this.view = view;
        }

        @Override
        public After run(Debugger d, String args) {
            d.out().print(view.apply(d.kernel()));
            return After.STAY;
        }
    }

    static ConsoleCommand ps() {
        return new KernelView("ps", "every task: pid, tgid, ppid, state, comm, and its mm/fs/files/sighand/signal with"
                + " counts", minikernel.kernel.inspect.PsView::render);
    }

    static ConsoleCommand sched() {
        return new KernelView("sched", "the run queue, the current task, its quantum left, the virtual time",
                minikernel.kernel.inspect.SchedView::render);
    }

    static ConsoleCommand futex() {
        return new KernelView("futex", "the futex wait queues and their waiters",
                minikernel.kernel.inspect.FutexView::render);
    }

    /** pt [PID] VADDR: the page-table walk. */
    static final class Pt extends Named {
        Pt() {
            super("pt [PID] VADDR: the MMU's walk: PDE, PTE and their bits, the frame and its count, copy-on-write",
                    "pt");
        }

        @Override
        public After run(Debugger d, String args) throws DebugException {
            String[] w = args.strip().split("\\s+", 2);
            if (w[0].isEmpty()) {
                throw new DebugException("pt [PID] VADDR");
            }
            Task t = d.focus();
            String address = args.strip();
            if (w.length == 2 && w[0].matches("\\d+") && !w[1].startsWith("+") && !w[1].startsWith("-")) {
                t = d.task(Integer.parseInt(w[0]));
                address = w[1];
            }
            Task saved = d.focus();
            d.setFocus(t);
            long va;
            try {
                va = d.evaluate(address);
            } finally {
                d.setFocus(saved);
            }
            d.out().print(minikernel.kernel.inspect.PageWalk.render(t, va));
            return After.STAY;
        }
    }

    /** share [--dot FILE]: what the tasks share, now (the diagram's model). */
    static final class Share extends Named {
        Share() {
            super("share [--dot FILE]: which tasks share which mm, fs, files, sighand, signal, with counts",
                    "share");
        }

        @Override
        public After run(Debugger d, String args) throws DebugException {
            SharingSnapshot s = SharingSnapshot.of(d.kernel(), "at the debugger's stop");
            if (args.startsWith("--dot")) {
                String file = args.substring(5).strip();
                if (file.isEmpty()) {
                    throw new DebugException("share --dot FILE");
                }
                try {
                    java.nio.file.Files.writeString(java.nio.file.Path.of(file), SharingDot.write(s));
                } catch (java.io.IOException e) {
                    throw new DebugException(file + ": " + e.getMessage());
                }
                d.out().println("wrote " + file);
                return After.STAY;
            }
            d.out().print(SharingText.write(s));
            return After.STAY;
        }
    }

    /** thread PID: the task the commands act on. */
    static final class Thread extends Named {
        Thread() {
            super("thread PID (t): act on task PID from now on (shows the one in focus with no PID)",
                    "thread", "t");
        }

        @Override
        public After run(Debugger d, String args) throws DebugException {
            if (!args.isEmpty()) {
                try {
                    d.setFocus(d.task(Integer.parseInt(args.strip())));
                } catch (NumberFormatException e) {
                    throw new DebugException("thread: a pid, not '" + args + "'");
                }
            }
            var t = d.focus();
            d.out().println("[focus on pid " + t.pid() + " (" + t.comm() + "), tgid " + t.tgid() + "]");
            d.out().println(d.where(t, d.registers(t).get("eip")));
            return After.STAY;
        }
    }
}
