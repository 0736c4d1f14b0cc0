package minikernel.tools.gdb;

import java.nio.charset.StandardCharsets;
import minikernel.kernel.sched.Task;

/** m, M, X: the memory of the task Hg chose, through its page tables. */
final class MemoryPackets {
    /** E14: EFAULT, what gdbserver answers for memory it cannot reach. */
    static final int EFAULT = 0x14;

    private MemoryPackets() {
    }

    /** mADDR,LENGTH: as many bytes as can be read from ADDR on (gdb accepts a short read); E14 for none. */
    static final class Read implements PacketHandler {
        public String prefix() {
            return "m";
        }

        public Reply handle(GdbStub stub, String args) throws BadPacket {
            long[] al = Hex.addressLength(args);
            int length = (int) Math.min(al[1], RspChannel.PACKET_SIZE / 2 - 8);
            Task t = stub.generalTask();
            var memory = stub.debugger().memory(t);
            byte[] all = memory.read(al[0], length);
            if (all != null) {
                return Reply.of(Hex.bytes(all));
            }
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < length; i++) {
                byte[] one = memory.read(al[0] + i, 1);
                if (one == null) {
                    break;
                }
                b.append(Hex.bytes(one));
            }
            return b.isEmpty() ? Reply.error(EFAULT) : Reply.of(b.toString());
        }
    }

    /** MADDR,LENGTH:HEX: writes as the task could (copy on write included); E14 where it cannot. */
    static final class Write implements PacketHandler {
        public String prefix() {
            return "M";
        }

        public Reply handle(GdbStub stub, String args) throws BadPacket {
            int colon = args.indexOf(':');
            if (colon < 0) {
                throw new BadPacket("M without data");
            }
            long[] al = Hex.addressLength(args.substring(0, colon));
            byte[] data = Hex.parseBytes(args.substring(colon + 1));
            if (data.length != al[1]) {
                throw new BadPacket("M length differs from its data");
            }
            return write(stub, al[0], data);
        }
    }

    /** XADDR,LENGTH:BINARY: the same with raw bytes (the channel has undone the escapes). */
    static final class WriteBinary implements PacketHandler {
        public String prefix() {
            return "X";
        }

        public Reply handle(GdbStub stub, String args) throws BadPacket {
            int colon = args.indexOf(':');
            if (colon < 0) {
                throw new BadPacket("X without data");
            }
            long[] al = Hex.addressLength(args.substring(0, colon));
            byte[] data = args.substring(colon + 1).getBytes(StandardCharsets.ISO_8859_1);
            if (data.length != al[1]) {
                throw new BadPacket("X length differs from its data");
            }
            return write(stub, al[0], data);
        }
    }

    static PacketHandler.Reply write(GdbStub stub, long address, byte[] data) {
        if (data.length == 0) {
            return PacketHandler.Reply.OK;        // gdb's probe: is X supported?
        }
        return stub.debugger().writeMemory(stub.generalTask(), address, data) ? PacketHandler.Reply.OK
                : PacketHandler.Reply.error(EFAULT);
    }
}
