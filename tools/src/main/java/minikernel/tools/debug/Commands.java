package minikernel.tools.debug;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry: every command under each of its names. A line's first word picks the command
 * (gdb's {@code x/4xw} is {@code x} with {@code /4xw} as the first argument); the rest is its
 * argument text.
 */
public final class Commands {
    private final Map<String, ConsoleCommand> byName = new LinkedHashMap<>();
    private final List<ConsoleCommand> all = new ArrayList<>();

    Commands() {
        add(new ExecutionCommands.Continue());
        add(new ExecutionCommands.Step());
        add(new ExecutionCommands.Next());
        add(new ExecutionCommands.Finish());
        add(new ExecutionCommands.Until());
        add(new ExecutionCommands.ReverseStep());
        add(new ExecutionCommands.ReverseContinue());
        add(new ExecutionCommands.KillCommand());
        add(new ExecutionCommands.Quit());
        add(new BreakpointCommands.Break(false));
        add(new BreakpointCommands.Break(true));
        add(new BreakpointCommands.Watch(false));
        add(new BreakpointCommands.Watch(true));
        add(new BreakpointCommands.Delete());
        add(new BreakpointCommands.Enable(true));
        add(new BreakpointCommands.Enable(false));
        add(new CatchCommands.Catch());
        add(new CatchCommands.StepSys());
        add(new SignalCommands.Handle());
        add(new SignalCommands.SignalCommand());
        add(new StateCommands.Regs());
        add(new StateCommands.Set());
        add(new StateCommands.X());
        add(new StateCommands.Disas());
        add(new StateCommands.Bt());
        add(KernelCommands.ps());
        add(new KernelCommands.TaskStruct());
        add(new KernelCommands.Vm());
        add(new KernelCommands.Pt());
        add(new KernelCommands.Fds());
        add(new KernelCommands.Sig());
        add(KernelCommands.sched());
        add(KernelCommands.futex());
        add(new KernelCommands.Share());
        add(new KernelCommands.Thread());
        add(new Info());
        add(new Help());
    }

    private void add(ConsoleCommand c) {
        all.add(c);
        for (String n : c.names()) {
            if (byName.put(n, c) != null) {
                throw new IllegalStateException("two commands called " + n);
            }
        }
    }

    ConsoleCommand.After run(Debugger d, String line) throws DebugException {
        String name = line.split("[\\s/]", 2)[0];
        String args = line.substring(name.length()).strip();
        ConsoleCommand c = byName.get(name);
        if (c == null) {
            throw new DebugException("Undefined command: \"" + name + "\".  Try \"help\".");
        }
        return c.run(d, args);
    }

    /** Every name, for tab completion. */
    public List<String> names() {
        return new ArrayList<>(byName.keySet());
    }

    List<ConsoleCommand> all() {
        return all;
    }

    /** help: one line per command. */
    static final class Help extends Named {
        Help() {
            super("help: this list",
                    "help", "h");
        }

        @Override
        public After run(Debugger d, String args) {
            for (ConsoleCommand c : d.commands().all()) {
                d.out().println("  " + c.help());
            }
            d.out().println("Addresses: 0x8049000, 134516736, main, main+12, $eip, $esp+8, *($esp+4).");
            return After.STAY;
        }
    }

    /** info breakpoints | registers | symbol ADDR. */
    static final class Info extends Named {
        Info() {
            super("info breakpoints|registers|symbol ADDR|program: what is set, the registers, what is at ADDR,"
                    + " how far the program has run",
                    "info", "i");
        }

        @Override
        public After run(Debugger d, String args) throws DebugException {
            String[] w = args.split("\\s+", 2);
            String rest = w.length > 1 ? w[1] : "";
            switch (w[0]) {
                case "breakpoints", "break", "b" -> BreakpointCommands.list(d);
                case "registers", "reg", "r" -> new StateCommands.Regs().run(d, rest);
                case "symbol" -> StateCommands.infoSymbol(d, rest);
                case "program" -> d.out().printf("pid %d (%s) in focus; %,d instructions run since the program"
                        + " started (reverse-step replays up to one fewer)%n", d.focus().pid(), d.focus().comm(),
                        d.instructions());
                default -> throw new DebugException("info what? breakpoints, registers, symbol ADDR or program");
            }
            return After.STAY;
        }
    }
}
