package minikernel.tools.gdb;

/** ?, k, D: why the guest is stopped, killing it, and letting it go. */
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
}
