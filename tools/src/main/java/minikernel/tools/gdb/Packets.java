package minikernel.tools.gdb;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The packet handlers, each a small class: a packet goes to the one whose prefix is the longest
 * that matches; one nobody knows gets the empty reply, which tells gdb it is not supported. A
 * malformed packet is answered E01, and no packet, however wrong, can throw out of the stub.
 */
final class Packets {
    private final List<PacketHandler> handlers = new ArrayList<>();

    static Packets all() {
        Packets p = new Packets();
        p.add(new QueryPackets.Supported(), new QueryPackets.Features(), new QueryPackets.SigInfoRead(),
                new QueryPackets.Attached(),
                new QueryPackets.CurrentThread(), new QueryPackets.FirstThreadInfo(),
                new QueryPackets.NextThreadInfo(), new QueryPackets.ThreadExtraInfo(), new QueryPackets.NoAckMode());
        p.add(new RegisterPackets.ReadAll(), new RegisterPackets.WriteAll(), new RegisterPackets.ReadOne(),
                new RegisterPackets.WriteOne());
        p.add(new MemoryPackets.Read(), new MemoryPackets.Write(), new MemoryPackets.WriteBinary());
        p.add(new BreakpointPackets.Insert(), new BreakpointPackets.Remove());
        p.add(new ResumePackets.Continue(), new ResumePackets.ContinueSignal(), new ResumePackets.Step(),
                new ResumePackets.StepSignal(), new ResumePackets.VContQuery(), new ResumePackets.VCont());
        p.add(new ThreadPackets.SetThread(), new ThreadPackets.Alive());
        p.add(new SessionPackets.StopReason(), new SessionPackets.Kill(), new SessionPackets.Detach(),
                new SessionPackets.PassSignals());
        p.handlers.sort(Comparator.comparingInt((PacketHandler h) -> h.prefix().length()).reversed());
        return p;
    }

    private void add(PacketHandler... h) {
        handlers.addAll(List.of(h));
    }

    PacketHandler.Reply answer(GdbStub stub, String packet) {
        for (PacketHandler h : handlers) {
            if (packet.startsWith(h.prefix())) {
                try {
                    return h.handle(stub, packet.substring(h.prefix().length()));
                } catch (PacketHandler.BadPacket | RuntimeException e) {
                    return PacketHandler.Reply.error(1);
                }
            }
        }
        return PacketHandler.Reply.EMPTY;
    }
}
