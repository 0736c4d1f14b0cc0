package minikernel.tools.debug;

import java.util.List;
import minikernel.kernel.sched.Task;

/** The guest's state: regs, set, info symbol (x, disas and bt join them). */
final class StateCommands {
    private StateCommands() {
    }

    /** The task a command acts on: "-p PID" at the start of its arguments, else the one in focus. */
    record Target(Task task, String rest) {
        static Target of(Debugger d, String args) throws DebugException {
            if (args.startsWith("-p ")) {
                String[] w = args.substring(3).strip().split("\\s+", 2);
                try {
                    return new Target(d.task(Integer.parseInt(w[0])), w.length > 1 ? w[1] : "");
                } catch (NumberFormatException e) {
                    throw new DebugException("-p needs a pid, not '" + w[0] + "'");
                }
            }
            return new Target(d.focus(), args);
        }
    }

    /** regs: the registers, gdb's `info registers` layout, with EFLAGS decoded. */
    static final class Regs implements ConsoleCommand {
        @Override
        public List<String> names() {
            return List.of("regs", "registers");
        }

        @Override
        public String help() {
            return "regs [-p PID]: the registers of the task in focus (or PID), EFLAGS decoded";
        }

        @Override
        public After run(Debugger d, String args) throws DebugException {
            Target t = Target.of(d, args);
            RegisterFile r = d.registers(t.task());
            for (String name : r.names()) {
                long v = r.get(name);
                String natural = switch (name) {
                    case "eip" -> String.format("0x%x%s", v, d.label(v));
                    case "eflags" -> flags(v);
                    case "esp", "ebp" -> String.format("0x%x", v);
                    case "cs", "ss", "ds", "es", "fs", "gs" -> String.valueOf(v);
                    default -> String.valueOf((int) v);
                };
                d.out().printf("%-15s0x%-18x%s%n", name, v, natural);
            }
            return After.STAY;
        }

        static String flags(long eflags) {
            return new minikernel.cpu.Registers(0, 0, 0, 0, 0, 0, 0, 0, 0, eflags, 0, 0, 0, 0, 0, 0).eflagsDecoded();
        }
    }

    /** set $REG = VALUE (or set REG VALUE). */
    static final class Set implements ConsoleCommand {
        @Override
        public List<String> names() {
            return List.of("set");
        }

        @Override
        public String help() {
            return "set $REG = VALUE: change a register of the task in focus";
        }

        @Override
        public After run(Debugger d, String args) throws DebugException {
            String[] w = args.replace("=", " ").strip().split("\\s+", 2);
            if (w.length < 2) {
                throw new DebugException("set $REG = VALUE");
            }
            String reg = w[0].startsWith("$") ? w[0].substring(1) : w[0];
            long value = d.evaluate(w[1]);
            try {
                d.registers(d.focus()).set(reg, value);
            } catch (IllegalArgumentException e) {
                throw new DebugException(e.getMessage());
            }
            return After.STAY;
        }
    }

    /** info symbol ADDR. */
    static void infoSymbol(Debugger d, String args) throws DebugException {
        long a = d.evaluate(args);
        String l = d.label(a);
        d.out().println(l.isEmpty() ? String.format("No symbol matches %s.", args)
                : l.substring(2, l.length() - 1) + " in section of the program");
    }
}
