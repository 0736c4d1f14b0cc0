package minikernel.tools.debug;

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
    static final class Regs extends Named {
        Regs() {
            super("regs [-p PID]: the registers of the task in focus (or PID), EFLAGS decoded",
                    "regs", "registers");
        }

        @Override
        public After run(Debugger d, String args) throws DebugException {
            Target t = Target.of(d, args);
            d.out().print(ensureNewline(new Registers(d.registers(t.task()), d.symbols(t.task())).format()));
            return After.STAY;
        }
    }

    /** x/NFU ADDR: memory, gdb's way. */
    static final class X extends Named {
        X() {
            super("x/NFU ADDR: N units (F: x d u o t c a s i; U: b h w g) of memory at ADDR, as gdb's x",
                    "x");
        }

        @Override
        public After run(Debugger d, String args) throws DebugException {
            Target t = Target.of(d, args);
            d.out().print(ensureNewline(new Examine(d.memory(t.task()), d.registers(t.task()), d.symbols(t.task()),
                    d.disassembly(t.task())).run(t.rest())));
            return After.STAY;
        }
    }

    /** disas [ADDR|SYMBOL] [N]. */
    static final class Disas extends Named {
        Disas() {
            super("disas [ADDR|SYMBOL] [N]: N instructions (a whole function for a symbol) from ADDR (default $eip)",
                    "disas", "disassemble");
        }

        @Override
        public After run(Debugger d, String args) throws DebugException {
            Target t = Target.of(d, args);
            d.out().print(ensureNewline(d.disassembly(t.task()).run(t.rest())));
            return After.STAY;
        }
    }

    /** bt: the frame-pointer backtrace. */
    static final class Bt extends Named {
        Bt() {
            super("bt [-p PID]: the call stack, by the frame-pointer chain, with symbols",
                    "bt", "backtrace", "where");
        }

        @Override
        public After run(Debugger d, String args) throws DebugException {
            Target t = Target.of(d, args);
            d.out().print(ensureNewline(new Backtrace(d.memory(t.task()), d.registers(t.task()),
                    d.symbols(t.task())).format()));
            return After.STAY;
        }
    }

    /** set syntax intel|att, or set $REG = VALUE. */
    static String ensureNewline(String s) {
        return s.isEmpty() || s.endsWith("\n") ? s : s + "\n";
    }

    /** set $REG = VALUE (or set REG VALUE). */
    static final class Set extends Named {
        Set() {
            super("set $REG = VALUE | set syntax intel|att: change a register of the task in focus, or disas's syntax",
                    "set");
        }

        @Override
        public After run(Debugger d, String args) throws DebugException {
            if (args.startsWith("syntax")) {
                String which = args.substring(6).strip();
                switch (which) {
                    case "intel" -> d.setSyntax(minikernel.cpu.capstone.Syntax.INTEL);
                    case "att", "at&t" -> d.setSyntax(minikernel.cpu.capstone.Syntax.ATT);
                    default -> throw new DebugException("set syntax intel|att");
                }
                return After.STAY;
            }
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

    /** info symbol ADDR: gdb's "main + 12 in section .text" (here: of the program). */
    static void infoSymbol(Debugger d, String args) throws DebugException {
        long a = d.evaluate(args);
        var loc = d.symbols(d.focus()).locate(a);
        d.out().println(loc.isEmpty() ? String.format("No symbol matches %s.", args)
                : loc.get().symbol().name() + (loc.get().offset() == 0 ? "" : " + " + loc.get().offset())
                + " in section of " + d.focus().comm());
    }
}
