package minikernel.tools.gdb;

/** H and T: choosing the thread later packets act on, and asking whether one is alive. */
final class ThreadPackets {
    private ThreadPackets() {
    }

    /** Hg ID (registers, memory) or Hc ID (steps); 0 or -1 mean any: the stopped task. */
    static final class SetThread implements PacketHandler {
        public String prefix() {
            return "H";
        }

        public Reply handle(GdbStub stub, String args) throws BadPacket {
            if (args.isEmpty() || (args.charAt(0) != 'g' && args.charAt(0) != 'c')) {
                throw new BadPacket("H needs g or c");
            }
            String id = args.substring(1);
            int tid = id.equals("-1") || id.equals("0") ? 0 : (int) Hex.number(id);
            if (tid != 0 && stub.task(tid) == null) {
                return Reply.error(1);
            }
            if (args.charAt(0) == 'g') {
                stub.setGeneralThread(tid);
            } else {
                stub.setContinueThread(tid);
            }
            return Reply.OK;
        }
    }

    /** T ID: OK if that task is alive. */
    static final class Alive implements PacketHandler {
        public String prefix() {
            return "T";
        }

        public Reply handle(GdbStub stub, String args) throws BadPacket {
            return stub.task(Hex.number(args)) != null ? Reply.OK : Reply.error(1);
        }
    }
}
