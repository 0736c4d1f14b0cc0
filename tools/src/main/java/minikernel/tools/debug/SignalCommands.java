package minikernel.tools.debug;

import minikernel.kernel.signal.Signal;

/** handle and signal: what a signal does when it stops the console, and continuing with another. */
final class SignalCommands {
    private SignalCommands() {
    }

    static final class Handle extends Named {
        Handle() {
            super("handle SIGNAL [stop|nostop] [pass|nopass]: whether a signal stops the program before it acts,"
                    + " and whether the task then gets it", "handle");
        }

        @Override
        public After run(Debugger d, String args) throws DebugException {
            d.out().println(d.signalHandling().handle(args));
            return After.STAY;
        }
    }

    /** signal N: at a stop at a signal, continue with signal N instead (0: none), as gdb's signal command. */
    static final class SignalCommand extends Named {
        SignalCommand() {
            super("signal SIGNAL|0: at a stop at a signal, continue and give the task SIGNAL instead (0: none)",
                    "signal");
        }

        @Override
        public After run(Debugger d, String args) throws DebugException {
            if (args.isBlank()) {
                throw new DebugException("signal SIGNAL|0: which signal (0: none)?");
            }
            int sig = SignalHandling.parse(args.strip());
            d.setSignalAfterStop(sig);
            d.out().println(sig == 0 ? "Continuing with no signal." : "Continuing with signal " + Signal.name(sig) + ".");
            return After.RESUME;
        }
    }
}
