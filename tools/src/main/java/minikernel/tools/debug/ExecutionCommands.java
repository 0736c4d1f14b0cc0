package minikernel.tools.debug;


/** Running the guest on: continue, step, next, finish, until, kill, quit. */
final class ExecutionCommands {
    private ExecutionCommands() {
    }

    static final class Continue extends Named {
        Continue() {
            super("continue (c, run): let the guest run until a breakpoint, Ctrl-C or its end",
                    "continue", "c", "run", "r");
        }

        @Override
        public After run(Debugger d, String args) {
            return After.RESUME;
        }
    }

    static final class Step extends Named {
        Step() {
            super("step [N] (s, si): run N instructions (default 1) of the task in focus",
                    "step", "s", "stepi", "si");
        }

        @Override
        public After run(Debugger d, String args) throws DebugException {
            long n = args.isEmpty() ? 1 : d.evaluate(args);
            if (n < 1) {
                throw new DebugException("step: N must be 1 or more");
            }
            d.stepInstructions(n);
            return After.RESUME;
        }
    }

    /** next: a step that runs a call to its return. */
    static final class Next extends Named {
        Next() {
            super("next (n, ni): one instruction, but a call runs until it returns",
                    "next", "n", "nexti", "ni");
        }

        @Override
        public After run(Debugger d, String args) throws DebugException {
            var t = d.focus();
            RegisterFile r = d.registers(t);
            long eip = r.get("eip");
            var insn = d.instruction(t, eip).orElseThrow(() -> new DebugException("cannot read the instruction at "
                    + String.format("0x%08x", eip)));
            if (insn.mnemonic().startsWith("call")) {
                d.runTo(eip + insn.bytes().length, r.get("esp"));
                return After.RESUME;
            }
            d.stepInstructions(1);
            return After.RESUME;
        }
    }

    /** finish: run until the current function returns (frame pointer: the return address at [ebp+4]). */
    static final class Finish extends Named {
        Finish() {
            super("finish: run until the current function returns to its caller",
                    "finish", "fin");
        }

        @Override
        public After run(Debugger d, String args) throws DebugException {
            var t = d.focus();
            RegisterFile r = d.registers(t);
            long eip = r.get("eip"), esp = r.get("esp"), ebp = r.get("ebp");
            byte[] code = d.memory(t).read(eip, 3);
            // At a function's first instruction (push %ebp, or any: code without a frame pointer) or
            // its second (mov %esp,%ebp) the frame is not built yet: the return address is on top of
            // the stack, or one word below; later it is above the saved %ebp.
            boolean atEntry = d.symbols(t).locate(eip).map(l -> l.offset() == 0).orElse(false);
            long slot = atEntry || code != null && (code[0] & 0xff) == 0x55 ? esp
                    : code != null && (code[0] & 0xff) == 0x89 && (code[1] & 0xff) == 0xe5 ? esp + 4 : ebp + 4;
            byte[] ret = d.memory(t).read(slot, 4);
            if (ret == null) {
                throw new DebugException("finish: no frame to return from (the stack at 0x"
                        + Long.toHexString(slot) + " is not mapped)");
            }
            long address = java.nio.ByteBuffer.wrap(ret).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt() & 0xffffffffL;
            d.out().printf("Run till exit; returning to 0x%08x%s%n", address, d.label(address));
            d.runTo(address, slot + 4);
            return After.RESUME;
        }
    }

    static final class Until extends Named {
        Until() {
            super("until ADDR (u): run until the task in focus reaches ADDR",
                    "until", "u", "advance");
        }

        @Override
        public After run(Debugger d, String args) throws DebugException {
            if (args.isEmpty()) {
                throw new DebugException("until: where? (until ADDR)");
            }
            d.runTo(d.evaluate(args), 0);
            return After.RESUME;
        }
    }

    static final class ReverseStep extends Named {
        ReverseStep() {
            super("reverse-step (rs): back to the previous instruction of the task in focus (a silent replay)",
                    "reverse-step", "rs", "reverse-stepi", "rsi");
        }

        @Override
        public After run(Debugger d, String args) throws DebugException {
            d.reverseStep();
            return After.RESUME;
        }
    }

    static final class ReverseContinue extends Named {
        ReverseContinue() {
            super("reverse-continue (rc): back to the last breakpoint or watchpoint hit before now (or the start)",
                    "reverse-continue", "rc");
        }

        @Override
        public After run(Debugger d, String args) throws DebugException {
            d.reverseContinue();
            return After.RESUME;
        }
    }

    static final class KillCommand extends Named {
        KillCommand() {
            super("kill (k): end the program (SIGKILL to every task)",
                    "kill", "k");
        }

        @Override
        public After run(Debugger d, String args) {
            d.out().println("[killing every task]");
            d.kill();
            return After.RESUME;
        }
    }

    static final class Quit extends Named {
        Quit() {
            super("quit (q): kill the program and leave",
                    "quit", "q");
        }

        @Override
        public After run(Debugger d, String args) {
            d.kill();
            return After.RESUME;
        }
    }
}
