package minikernel.cpu.capstone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The record alone, without the native library. */
class InstructionTest {
    private static Instruction insn(String mnemonic, String operands, int... bytes) {
        byte[] code = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            code[i] = (byte) bytes[i];
        }
        return new Instruction(0x08049000L, code, mnemonic, operands);
    }

    @Test
    void toStringLinesUpLikeObjdump() {
        assertEquals("0x08049000:  55                     push   %ebp", insn("push", "%ebp", 0x55).toString());
        assertEquals("0x08049000:  c3                     ret", insn("ret", "", 0xc3).toString());
        assertEquals("0x08049000:  8d b4 26 00 00 00 00   leal   (%esi), %esi",
                insn("leal", "(%esi), %esi", 0x8d, 0xb4, 0x26, 0, 0, 0, 0).toString());
        assertEquals("0x08049000:  66 2e 0f 1f 84 00 00 00 00 00 nopw   %cs:(%eax, %eax)",
                insn("nopw", "%cs:(%eax, %eax)", 0x66, 0x2e, 0x0f, 0x1f, 0x84, 0, 0, 0, 0, 0).toString(),
                "longer than the column: one space");
        assertEquals("0x00000010:  c3                     ret",
                new Instruction(0x10, new byte[] {(byte) 0xc3}, "ret", "").toString());
    }

    @Test
    void textPadsTheMnemonicOnlyWhenOperandsFollow() {
        assertEquals("int    $0x80", insn("int", "$0x80", 0xcd, 0x80).text());
        assertEquals("ud2", insn("ud2", "", 0x0f, 0x0b).text());
        assertEquals("rep movsb (%esi), %es:(%edi)", insn("rep movsb", "(%esi), %es:(%edi)", 0xf3, 0xa4).text());
    }

    @Test
    void sizeAndEndComeFromTheBytes() {
        Instruction call = insn("calll", "0x8049015", 0xe8, 0x10, 0, 0, 0);
        assertEquals(5, call.size());
        assertEquals(0x08049005L, call.end());
        assertEquals("e8 10 00 00 00", call.hexBytes());
    }

    @Test
    void branchTargetParsesDirectBranchesOnly() {
        assertEquals(OptionalLong.of(0x8049015L), insn("calll", "0x8049015", 0xe8, 0x10, 0, 0, 0).branchTarget());
        assertEquals(OptionalLong.of(0x8049015L), insn("call", "0x8049015", 0xe8, 0x10, 0, 0, 0).branchTarget());
        assertEquals(OptionalLong.of(0x804901fL), insn("jne", "0x804901f", 0x75, 0x02).branchTarget());
        assertEquals(OptionalLong.of(0x804901fL), insn("loop", "0x804901f", 0xe2, 0x02).branchTarget());
        assertEquals(OptionalLong.of(0x804901fL), insn("bnd jmp", "0x804901f", 0xf2, 0xeb, 0x02).branchTarget());
        assertEquals(OptionalLong.of(8L), insn("jmp", "8", 0xeb, 0x06).branchTarget(), "Capstone writes small numbers in decimal");
        assertEquals(OptionalLong.empty(), insn("calll", "*%eax", 0xff, 0xd0).branchTarget());
        assertEquals(OptionalLong.empty(), insn("jmp", "dword ptr [eax + 8]", 0xff, 0x60, 0x08).branchTarget());
        assertEquals(OptionalLong.empty(), insn("ljmpl", "$0x23:$0x8049000", 0xea, 0, 0x90, 4, 8, 0x23, 0).branchTarget());
        assertEquals(OptionalLong.empty(), insn("push", "0x10", 0x6a, 0x10).branchTarget());
        assertEquals(OptionalLong.empty(), insn("int", "0x80", 0xcd, 0x80).branchTarget());
    }

    @Test
    void bytesAreCopiedInAndOut() {
        byte[] code = {0x55};
        Instruction push = new Instruction(0x1000, code, "pushl", "%ebp");
        code[0] = (byte) 0xc3;
        assertEquals(0x55, push.bytes()[0]);
        push.bytes()[0] = 0;
        assertEquals(0x55, push.bytes()[0]);
    }

    @Test
    void equalityComparesByteContents() {
        assertEquals(insn("pushl", "%ebp", 0x55), insn("pushl", "%ebp", 0x55));
        assertEquals(insn("pushl", "%ebp", 0x55).hashCode(), insn("pushl", "%ebp", 0x55).hashCode());
        assertNotEquals(insn("pushl", "%ebp", 0x55), insn("pushl", "%ebp", 0x56));
    }

    @Test
    void lengthOutsideOneToFifteenIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Instruction(0, new byte[0], "nop", ""));
        assertThrows(IllegalArgumentException.class, () -> new Instruction(0, new byte[16], "nop", ""));
        assertThrows(NullPointerException.class, () -> new Instruction(0, null, "nop", ""));
    }
}
