package minikernel.tools.gdb;

import java.util.List;
import minikernel.tools.debug.RegisterFile;

/**
 * The i386 as gdb is told it (qXfer:features:read:target.xml): feature org.gnu.gdb.i386.core, the
 * general and segment registers and the x87 stack, in gdb's numbering, and how the g packet
 * lays them out. The x87 registers are read from the engine for the task stopped on the CPU;
 * for another task, and for the x87 instruction and operand pointers, which the engine does not
 * keep, they are "unavailable" (x digits), never made up.
 */
final class I386Target {
    /** One register: gdb's name, its size in bits, its type in the description. */
    record Reg(String name, int bits, String type) {
    }

    static final List<Reg> REGS = List.of(
            new Reg("eax", 32, "int32"), new Reg("ecx", 32, "int32"), new Reg("edx", 32, "int32"),
            new Reg("ebx", 32, "int32"), new Reg("esp", 32, "data_ptr"), new Reg("ebp", 32, "data_ptr"),
            new Reg("esi", 32, "int32"), new Reg("edi", 32, "int32"), new Reg("eip", 32, "code_ptr"),
            new Reg("eflags", 32, "i386_eflags"), new Reg("cs", 32, "int32"), new Reg("ss", 32, "int32"),
            new Reg("ds", 32, "int32"), new Reg("es", 32, "int32"), new Reg("fs", 32, "int32"),
            new Reg("gs", 32, "int32"),
            new Reg("st0", 80, "i387_ext"), new Reg("st1", 80, "i387_ext"), new Reg("st2", 80, "i387_ext"),
            new Reg("st3", 80, "i387_ext"), new Reg("st4", 80, "i387_ext"), new Reg("st5", 80, "i387_ext"),
            new Reg("st6", 80, "i387_ext"), new Reg("st7", 80, "i387_ext"),
            new Reg("fctrl", 32, "int"), new Reg("fstat", 32, "int"), new Reg("ftag", 32, "int"),
            new Reg("fiseg", 32, "int"), new Reg("fioff", 32, "int"), new Reg("foseg", 32, "int"),
            new Reg("fooff", 32, "int"), new Reg("fop", 32, "int"));
    /** The general and segment registers come first: gdb's numbers 0-15. */
    static final int GENERAL = 16;
    private static final String[] EFLAGS = {"CF", "", "PF", "", "AF", "", "ZF", "SF", "TF", "IF", "DF", "OF",
        "", "", "NT", "", "RF", "VM", "AC", "VIF", "VIP", "ID"};

    private I386Target() {
    }

    static String xml() {
        StringBuilder x = new StringBuilder("""
                <?xml version="1.0"?>
                <!DOCTYPE target SYSTEM "gdb-target.dtd">
                <target version="1.0">
                  <architecture>i386</architecture>
                  <feature name="org.gnu.gdb.i386.core">
                    <flags id="i386_eflags" size="4">
                """);
        for (int bit = 0; bit < EFLAGS.length; bit++) {
            if (!EFLAGS[bit].isEmpty()) {
                x.append(String.format("      <field name=\"%s\" start=\"%d\" end=\"%d\"/>%n", EFLAGS[bit], bit, bit));
            }
        }
        x.append("    </flags>\n");
        for (int i = 0; i < REGS.size(); i++) {
            Reg r = REGS.get(i);
            x.append(String.format("    <reg name=\"%s\" bitsize=\"%d\" type=\"%s\" regnum=\"%d\"%s/>%n", r.name(),
                    r.bits(), r.type(), i, i >= GENERAL ? " group=\"float\"" : ""));
        }
        return x.append("  </feature>\n</target>\n").toString();
    }

    /** Register {@code n} in hex for a p or g reply; {@code fpstate} is null when the x87 state is not at hand. */
    static String value(int n, RegisterFile regs, byte[] fpstate) {
        Reg r = REGS.get(n);
        if (n < GENERAL) {
            return Hex.littleEndian(regs.get(r.name()), 4);
        }
        if (fpstate == null || n >= GENERAL + 8 + 3) {
            return "x".repeat(r.bits() / 4);       // not known: fiseg, fioff, foseg, fooff, fop
        }
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(fpstate).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int x87 = n - GENERAL;
        if (x87 < 8) {
            byte[] st = new byte[10];
            b.get(28 + 10 * x87, st);             // _fpstate_32's _st[i]: ST(i), top of stack first
            return Hex.bytes(st);
        }
        return Hex.littleEndian(b.getInt(4 * (x87 - 8)) & 0xffff, 4);   // cw, sw, tag
    }

    /** gdb's number of a register, or -1. */
    static int number(String name) {
        for (int i = 0; i < REGS.size(); i++) {
            if (REGS.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
