package minikernel.tools.gdb;

/** ?, k, D, QPassSignals: why the guest is stopped, killing it, letting it go, and the signals it keeps. */
final class SessionPackets {
    private SessionPackets() {
    }

    /** ?: the last stop's reply again. */
    static final class StopReason implements PacketHandler {
        public String prefix() {
            return "?";
        }

        public Reply handle(GdbStub stub, String args) {
            return Reply.of(stub.stopReply());
        }
    }

    /** k: SIGKILL to every task; gdb expects no reply. */
    static final class Kill implements PacketHandler {
        public String prefix() {
            return "k";
        }

        public Reply handle(GdbStub stub, String args) {
            stub.debugger().kill();
            return Reply.RUN_ON;
        }
    }

    /** D[;PID]: OK, then no more stops; the program runs to its end. */
    static final class Detach implements PacketHandler {
        public String prefix() {
            return "D";
        }

        public Reply handle(GdbStub stub, String args) {
            stub.detach();
            return Reply.OK;
        }
    }

    /**
     * QPassSignals:SIG;SIG;...: the signals (gdb's numbers) gdb would only pass on; the tasks get
     * them without a stop, sparing a round trip each (gdb's "handle ... nostop noprint pass").
     * Each packet replaces the last list.
     */
    static final class PassSignals implements PacketHandler {
        public String prefix() {
            return "QPassSignals:";
        }

        public Reply handle(GdbStub stub, String args) throws BadPacket {
            java.util.Set<Integer> linux = new java.util.HashSet<>();
            for (String sig : args.split(";")) {
                if (!sig.isEmpty()) {
                    linux.add(GdbSignals.toLinux((int) Hex.number(sig)));
                }
            }
            linux.remove(0);
            stub.setPassSignals(linux);
            return Reply.OK;
        }
    }
}
