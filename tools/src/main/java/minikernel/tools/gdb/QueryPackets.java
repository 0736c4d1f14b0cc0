package minikernel.tools.gdb;

import java.util.stream.Collectors;
import minikernel.kernel.sched.Task;

/** The q packets: what the stub supports, the target description, and the threads. */
final class QueryPackets {
    private QueryPackets() {
    }

    /** qSupported: the packet size, the target description, siginfo, stops that say "swbreak", no-ack mode, pass signals. */
    static final class Supported implements PacketHandler {
        public String prefix() {
            return "qSupported";
        }

        public Reply handle(GdbStub stub, String args) {
            return Reply.of(String.format("PacketSize=%x;qXfer:features:read+;qXfer:siginfo:read+;swbreak+;QStartNoAckMode+"
                    + ";QPassSignals+", RspChannel.PACKET_SIZE));
        }
    }

    /** qXfer:features:read:target.xml:OFFSET,LENGTH: the i386 description, in pieces. */
    static final class Features implements PacketHandler {
        public String prefix() {
            return "qXfer:features:read:";
        }

        public Reply handle(GdbStub stub, String args) throws BadPacket {
            int colon = args.lastIndexOf(':');
            if (colon < 0) {
                throw new BadPacket("qXfer without an offset");
            }
            if (!args.substring(0, colon).equals("target.xml")) {
                return Reply.error(0);                     // E00: no such annex
            }
            return piece(I386Target.xml().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1),
                    Hex.addressLength(args.substring(colon + 1)));
        }
    }

    /**
     * qXfer's reply: the piece of {@code object} at OFFSET,LENGTH (as much as a packet holds,
     * escaped), "m" before it if more follows, "l" if it is the last.
     */
    static PacketHandler.Reply piece(byte[] object, long[] offsetLength) {
        int from = (int) Math.min(offsetLength[0], object.length);
        int to = (int) Math.min(object.length, from + Math.min(offsetLength[1], (RspChannel.PACKET_SIZE - 16) / 2));
        return PacketHandler.Reply.of((to == object.length ? "l" : "m") + Hex.binary(object, from, to));
    }

    /**
     * qXfer:siginfo:read::OFFSET,LENGTH: at a stop at a signal, its 128-byte i386 siginfo_t
     * (gdb's $_siginfo: who sent it, the faulting address); E01 at other stops.
     */
    static final class SigInfoRead implements PacketHandler {
        public String prefix() {
            return "qXfer:siginfo:read::";
        }

        public Reply handle(GdbStub stub, String args) throws BadPacket {
            minikernel.kernel.signal.SigInfo info = stub.debugger().stopSignal();
            if (info == null) {
                return Reply.error(1);
            }
            return piece(info.toBytes(), Hex.addressLength(args));
        }
    }

    /** qAttached: 0, the stub started the program (so gdb's quit kills it). */
    static final class Attached implements PacketHandler {
        public String prefix() {
            return "qAttached";
        }

        public Reply handle(GdbStub stub, String args) {
            return Reply.of("0");
        }
    }

    /** qC: the current thread, the stopped task. */
    static final class CurrentThread implements PacketHandler {
        public String prefix() {
            return "qC";
        }

        public Reply handle(GdbStub stub, String args) {
            return args.isEmpty() ? Reply.of(String.format("QC%x", stub.stoppedTask().pid())) : Reply.EMPTY;
        }
    }

    /** qfThreadInfo: every user task, as one list. */
    static final class FirstThreadInfo implements PacketHandler {
        public String prefix() {
            return "qfThreadInfo";
        }

        public Reply handle(GdbStub stub, String args) {
            return Reply.of("m" + stub.debugger().userTasks().stream().map(t -> Integer.toHexString(t.pid()))
                    .collect(Collectors.joining(",")));
        }
    }

    /** qsThreadInfo: the end of the list. */
    static final class NextThreadInfo implements PacketHandler {
        public String prefix() {
            return "qsThreadInfo";
        }

        public Reply handle(GdbStub stub, String args) {
            return Reply.of("l");
        }
    }

    /** qThreadExtraInfo,ID: what info threads shows beside the id: pid, comm, process or thread, state. */
    static final class ThreadExtraInfo implements PacketHandler {
        public String prefix() {
            return "qThreadExtraInfo,";
        }

        public Reply handle(GdbStub stub, String args) throws BadPacket {
            Task t = stub.task(Hex.number(args));
            if (t == null) {
                return Reply.error(1);
            }
            String kind = t == t.groupLeader() ? "process" : "thread of " + t.tgid();
            return Reply.of(Hex.text(String.format("pid %d (%s), %s, %s", t.pid(), t.comm(), kind,
                    t.state().procText())));
        }
    }

    /** QStartNoAckMode: OK (still acknowledged), then no more + and -. */
    static final class NoAckMode implements PacketHandler {
        public String prefix() {
            return "QStartNoAckMode";
        }

        public Reply handle(GdbStub stub, String args) {
            stub.channel().send("OK");
            stub.channel().stopAcknowledging();
            return Reply.of(null);
        }
    }
}
