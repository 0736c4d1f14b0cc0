package minikernel.tools.gdb;

import minikernel.kernel.sched.Task;
import minikernel.tools.debug.RegisterFile;

/** g, G, p, P: the registers of the task Hg chose, in the target description's order. */
final class RegisterPackets {
    private RegisterPackets() {
    }

    static RegisterFile registers(GdbStub stub, Task t) {
        return stub.debugger().registers(t);
    }

    /** The x87 state of the task on the CPU; null for another (its x87 registers are unavailable). */
    static byte[] fpstate(GdbStub stub, Task t) {
        return stub.live(t) ? stub.debugger().kernel().cpu().fpstate() : null;
    }

    /** g: every register. */
    static final class ReadAll implements PacketHandler {
        public String prefix() {
            return "g";
        }

        public Reply handle(GdbStub stub, String args) {
            Task t = stub.generalTask();
            RegisterFile regs = registers(stub, t);
            byte[] fp = fpstate(stub, t);
            StringBuilder b = new StringBuilder();
            for (int n = 0; n < I386Target.REGS.size(); n++) {
                b.append(I386Target.value(n, regs, fp));
            }
            return Reply.of(b.toString());
        }
    }

    /** G: every register; the general and segment ones are written (the x87 part is not). */
    static final class WriteAll implements PacketHandler {
        public String prefix() {
            return "G";
        }

        public Reply handle(GdbStub stub, String args) throws BadPacket {
            if (args.length() < 8 * I386Target.GENERAL) {
                throw new BadPacket("G too short");
            }
            RegisterFile regs = registers(stub, stub.generalTask());
            for (int n = 0; n < I386Target.GENERAL; n++) {
                String v = args.substring(8 * n, 8 * n + 8);
                if (!v.contains("x")) {
                    regs.set(I386Target.REGS.get(n).name(), Hex.parseLittleEndian(v));
                }
            }
            return Reply.OK;
        }
    }

    /** pN: one register. */
    static final class ReadOne implements PacketHandler {
        public String prefix() {
            return "p";
        }

        public Reply handle(GdbStub stub, String args) throws BadPacket {
            int n = (int) Hex.number(args);
            if (n < 0 || n >= I386Target.REGS.size()) {
                return Reply.error(1);
            }
            Task t = stub.generalTask();
            return Reply.of(I386Target.value(n, registers(stub, t), fpstate(stub, t)));
        }
    }

    /** PN=VALUE: one general or segment register (the x87 ones cannot be written: E01). */
    static final class WriteOne implements PacketHandler {
        public String prefix() {
            return "P";
        }

        public Reply handle(GdbStub stub, String args) throws BadPacket {
            int eq = args.indexOf('=');
            if (eq < 0) {
                throw new BadPacket("P without =");
            }
            int n = (int) Hex.number(args.substring(0, eq));
            String v = args.substring(eq + 1);
            if (n < 0 || n >= I386Target.GENERAL || v.length() != 8) {
                return Reply.error(1);
            }
            registers(stub, stub.generalTask()).set(I386Target.REGS.get(n).name(), Hex.parseLittleEndian(v));
            return Reply.OK;
        }
    }
}
