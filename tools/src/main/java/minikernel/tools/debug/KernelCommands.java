package minikernel.tools.debug;

import java.util.List;
import minikernel.kernel.inspect.SharingDot;
import minikernel.kernel.inspect.SharingSnapshot;
import minikernel.kernel.inspect.SharingText;

/** The kernel's objects: share, thread (ps, task, vm, pt, fds, sched, futex, sig join them). */
final class KernelCommands {
    private KernelCommands() {
    }

    /** share [--dot FILE]: what the tasks share, now (the diagram's model). */
    static final class Share implements ConsoleCommand {
        @Override
        public List<String> names() {
            return List.of("share");
        }

        @Override
        public String help() {
            return "share [--dot FILE]: which tasks share which mm, fs, files, sighand, signal, with counts";
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
    static final class Thread implements ConsoleCommand {
        @Override
        public List<String> names() {
            return List.of("thread", "t");
        }

        @Override
        public String help() {
            return "thread PID (t): act on task PID from now on (shows the one in focus with no PID)";
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
