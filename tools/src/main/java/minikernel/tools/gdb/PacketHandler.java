package minikernel.tools.gdb;

/**
 * One kind of packet: the characters it starts with, and what the stub answers. The registry
 * ({@link Packets}) picks the handler with the longest matching prefix.
 */
interface PacketHandler {
    /** What the packet starts with: "g", "qSupported", "vCont;". */
    String prefix();

    /** The answer to the packet, given what follows the prefix; a malformed packet throws. */
    Reply handle(GdbStub stub, String args) throws BadPacket;

    /**
     * What a handler answers: a reply to send, or letting the guest run: gdb then waits for the
     * stop reply ({@code awaitStop}: c, s, vCont), or for nothing (k).
     */
    record Reply(String text, boolean resume, boolean awaitStop) {
        static final Reply EMPTY = of("");      // "not supported": gdb tries something else
        static final Reply OK = of("OK");
        static final Reply RESUME = new Reply(null, true, true);
        static final Reply RUN_ON = new Reply(null, true, false);

        static Reply of(String text) {
            return new Reply(text, false, false);
        }

        /** An error reply: E and two hex digits (the numbers gdbserver uses: 01 bad request, 14 EFAULT). */
        static Reply error(int code) {
            return of(String.format("E%02x", code));
        }
    }

    /** A packet whose arguments do not parse: answered E01, never a crash. */
    final class BadPacket extends Exception {
        BadPacket(String why) {
            super(why);
        }
    }
}
