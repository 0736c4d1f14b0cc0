package minikernel.tools.debug;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import minikernel.kernel.inspect.SharingRecorder;

/** catch syscall|fork|clone|exec|exit|signal, and stepsys. */
final class CatchCommands {
    private CatchCommands() {
    }

    static final class Catch extends Named {
        Catch() {
            super("catch syscall [NAME...] | fork | clone | exec | exit | signal | pagefault: stop at that kernel event"
                    + " (a syscall at its entry and its return, decoded as --trace shows it)",
                    "catch");
        }

        @Override
        public After run(Debugger d, String args) throws DebugException {
            String[] w = args.strip().split("\\s+");
            Catchpoint c;
            switch (w[0]) {
                case "syscall" -> {
                    Set<Integer> numbers = new LinkedHashSet<>();
                    for (int i = 1; i < w.length; i++) {
                        try {
                            numbers.add(SharingRecorder.syscall(w[i]).number());
                        } catch (IllegalArgumentException e) {
                            throw new DebugException("Unknown syscall name '" + w[i] + "'.");
                        }
                    }
                    String what = numbers.isEmpty() ? "any syscall"
                            : "syscall" + (numbers.size() > 1 ? "s" : "") + " " + String.join(" ",
                            List.of(w).subList(1, w.length));
                    c = d.addCatchpoint(Catchpoint.Kind.SYSCALL, numbers, what);
                }
                case "fork" -> c = d.addCatchpoint(Catchpoint.Kind.FORK, Set.of(), "fork: a new process");
                case "clone" -> c = d.addCatchpoint(Catchpoint.Kind.CLONE, Set.of(), "clone: a new thread or process");
                case "exec" -> c = d.addCatchpoint(Catchpoint.Kind.EXEC, Set.of(), "exec");
                case "exit" -> c = d.addCatchpoint(Catchpoint.Kind.EXIT, Set.of(), "exit");
                case "signal" -> c = d.addCatchpoint(Catchpoint.Kind.SIGNAL, Set.of(), "signal delivered to a handler");
                case "pagefault" -> c = d.addCatchpoint(Catchpoint.Kind.PAGEFAULT, Set.of(), "page fault");
                default -> throw new DebugException("catch what? syscall [NAME...], fork, clone, exec, exit, signal,"
                        + " pagefault");
            }
            d.out().printf("Catchpoint %d (%s)%n", c.number, c.what);
            return After.STAY;
        }
    }

    static final class StepSys extends Named {
        StepSys() {
            super("stepsys (ss): run until the task in focus enters or returns from a system call",
                    "stepsys", "ss");
        }

        @Override
        public After run(Debugger d, String args) {
            d.stepSyscall();
            return After.RESUME;
        }
    }
}
