package minikernel.tools.gdb;

import minikernel.kernel.sched.Task;

/**
 * c, s, C, S, vCont: letting the guest run. All tasks run on (the scheduler's order is the run's
 * own); a step stops when the chosen task has run one instruction. At a stop at a signal's
 * delivery, the signal given with C, S or vCont's C/S for the stopped task is the one it gets
 * (gdb passes the stop's own unless told "handle nopass" or "signal 0"); c and s cancel it.
 * Elsewhere a signal given is not sent.
 */
final class ResumePackets {
    private ResumePackets() {
    }

    /** c[ADDR]: continue (from ADDR if given). */
    static final class Continue implements PacketHandler {
        public String prefix() {
            return "c";
        }

        public Reply handle(GdbStub stub, String args) throws BadPacket {
            resumeAt(stub, stub.continueTask(), args);
            return Reply.RESUME;
        }
    }

    /** Csig[;ADDR]. */
    static final class ContinueSignal implements PacketHandler {
        public String prefix() {
            return "C";
        }

        public Reply handle(GdbStub stub, String args) throws BadPacket {
            stub.setResumeSignal(signal(args));
            resumeAt(stub, stub.continueTask(), addressAfterSignal(args));
            return Reply.RESUME;
        }
    }

    /** s[ADDR]: one instruction of the Hc task. */
    static final class Step implements PacketHandler {
        public String prefix() {
            return "s";
        }

        public Reply handle(GdbStub stub, String args) throws BadPacket {
            return step(stub, args);
        }
    }

    /** Ssig[;ADDR]. */
    static final class StepSignal implements PacketHandler {
        public String prefix() {
            return "S";
        }

        public Reply handle(GdbStub stub, String args) throws BadPacket {
            stub.setResumeSignal(signal(args));
            return step(stub, addressAfterSignal(args));
        }
    }

    /** vCont?: the actions vCont takes. */
    static final class VContQuery implements PacketHandler {
        public String prefix() {
            return "vCont?";
        }

        public Reply handle(GdbStub stub, String args) {
            return Reply.of("vCont;c;C;s;S");
        }
    }

    /**
     * vCont;ACTION[:TID];...: the first step action names the task to step (no TID: the stopped
     * task); with none, continue. Actions for tasks that are not there are E01.
     */
    static final class VCont implements PacketHandler {
        public String prefix() {
            return "vCont;";
        }

        public Reply handle(GdbStub stub, String args) throws BadPacket {
            for (String action : args.split(";")) {
                String[] at = action.split(":", 2);
                if (at[0].isEmpty() || "cCsS".indexOf(at[0].charAt(0)) < 0) {
                    throw new BadPacket("unknown vCont action " + action);
                }
                Task t = at.length == 2 ? stub.task(Hex.number(at[1].contains(".")
                        ? at[1].substring(at[1].indexOf('.') + 1) : at[1])) : stub.stoppedTask();
                if (t == null) {
                    return Reply.error(1);
                }
                if (t == stub.stoppedTask() && "CS".indexOf(at[0].charAt(0)) >= 0) {
                    stub.setResumeSignal(signal(at[0].substring(1)));
                }
                if (at[0].charAt(0) == 's' || at[0].charAt(0) == 'S') {
                    stub.debugger().stepInstruction(t);
                    return Reply.RESUME;
                }
            }
            return Reply.RESUME;
        }
    }

    /** One instruction of the Hc task, from {@code address} if given. */
    static PacketHandler.Reply step(GdbStub stub, String address) throws PacketHandler.BadPacket {
        Task t = stub.continueTask();
        resumeAt(stub, t, address);
        stub.debugger().stepInstruction(t);
        return PacketHandler.Reply.RESUME;
    }

    /** "SIG[;ADDR]" (C, S, vCont's C and S): the signal, gdb's number. */
    static int signal(String args) throws PacketHandler.BadPacket {
        int semi = args.indexOf(';');
        String sig = semi < 0 ? args : args.substring(0, semi);
        if (sig.isEmpty()) {
            throw new PacketHandler.BadPacket("no signal");
        }
        return (int) Hex.number(sig);
    }

    /** "SIG;ADDR" (C and S): the address, or "" when there is none. */
    static String addressAfterSignal(String args) {
        int semi = args.indexOf(';');
        return semi < 0 ? "" : args.substring(semi + 1);
    }

    /** A resume address sets the task's EIP first. */
    static void resumeAt(GdbStub stub, Task t, String address) throws PacketHandler.BadPacket {
        if (!address.isEmpty()) {
            stub.debugger().registers(t).set("eip", Hex.number(address));
        }
    }
}
