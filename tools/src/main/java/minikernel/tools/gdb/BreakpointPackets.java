package minikernel.tools.gdb;

import minikernel.tools.debug.DebugException;

/**
 * Z and z: breakpoints (Z0 software, Z1 hardware: both are addresses the code hook checks) and
 * watchpoints (Z2 write, Z3 read, Z4 access: a write and a read watchpoint on the same bytes,
 * whose stops say "awatch") on the task Hg chose.
 */
final class BreakpointPackets {
    private BreakpointPackets() {
    }

    /** "TYPE,ADDR,KIND": the three numbers. */
    static long[] parse(String args) throws PacketHandler.BadPacket {
        String[] f = args.split("[,;]");
        if (f.length < 3) {
            throw new PacketHandler.BadPacket("expected TYPE,ADDR,KIND");
        }
        return new long[]{Hex.number(f[0]), Hex.number(f[1]), Hex.number(f[2])};
    }

    static final class Insert implements PacketHandler {
        public String prefix() {
            return "Z";
        }

        public Reply handle(GdbStub stub, String args) throws BadPacket {
            long[] z = parse(args);
            var d = stub.debugger();
            switch ((int) z[0]) {
                case 0, 1 -> {
                    return d.insertBreakpoint(z[1]) ? Reply.OK : Reply.error(0x1c);   // ENOSPC
                }
                case 2, 3, 4 -> {
                    try {
                        d.setFocus(stub.generalTask());
                        if (z[0] != 3) {
                            d.insertWatchpoint(z[1], (int) z[2], false);
                        }
                        if (z[0] != 2) {
                            d.insertWatchpoint(z[1], (int) z[2], true);
                        }
                        if (z[0] == 4) {
                            stub.accessWatches().add(z[1]);
                        }
                        return Reply.OK;
                    } catch (DebugException e) {
                        d.removeWatchpoint(z[1], (int) z[2], false);
                        return Reply.error(0x1c);
                    }
                }
                default -> {
                    return Reply.EMPTY;
                }
            }
        }
    }

    static final class Remove implements PacketHandler {
        public String prefix() {
            return "z";
        }

        public Reply handle(GdbStub stub, String args) throws BadPacket {
            long[] z = parse(args);
            switch ((int) z[0]) {
                case 0, 1 -> stub.debugger().removeBreakpoint(z[1]);
                case 2, 3 -> stub.debugger().removeWatchpoint(z[1], (int) z[2], z[0] == 3);
                case 4 -> {
                    stub.debugger().removeWatchpoint(z[1], (int) z[2], false);
                    stub.debugger().removeWatchpoint(z[1], (int) z[2], true);
                    stub.accessWatches().remove(z[1]);
                }
                default -> {
                    return Reply.EMPTY;
                }
            }
            return Reply.OK;
        }
    }
}
