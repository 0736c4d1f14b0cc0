package minikernel.cpu.capstone;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Known byte sequences decode to the text Capstone 5 prints. Capstone's AT&T differs from
 * objdump's in small ways that these tests pin down: it always writes the size suffix
 * ({@code pushl}, {@code movl}, {@code calll}, {@code retl}), a space after each comma, and
 * displacements and immediates below 10 in decimal ({@code 4(%esp)}, {@code $1}).
 */
class DisassemblerTest {
    private static final long TEXT = 0x0804_9000L;
    private static Disassembler att;
    private static Disassembler intel;

    @BeforeAll
    static void open() {
        att = new Disassembler();
        intel = new Disassembler(Syntax.INTEL);
    }

    @AfterAll
    static void close() {
        att.close();
        intel.close();
    }

    private static byte[] hex(String bytes) {
        return HexFormat.ofDelimiter(" ").parseHex(bytes);
    }

    @ParameterizedTest(name = "{0} = {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            55                | pushl | %ebp
            89 e5             | movl  | %esp, %ebp
            cd 80             | int   | $0x80
            0f 0b             | ud2   | ''
            8b 44 24 04       | movl  | 4(%esp), %eax
            8b 45 f8          | movl  | -8(%ebp), %eax
            65 a1 00 00 00 00 | movl  | %gs:0, %eax
            83 c4 f0          | addl  | $-0x10, %esp
            c7 45 fc 01 00 00 00 | movl | $1, -4(%ebp)
            ff d0             | calll | *%eax
            ff 60 08          | jmpl  | *8(%eax)
            c3                | retl  | ''
            f3 a4             | rep movsb | (%esi), %es:(%edi)
            0f 1f 44 00 00    | nopl  | (%eax, %eax)
            """)
    void attSyntaxMatchesCapstone(String bytes, String mnemonic, String operands) {
        Instruction insn = att.disassembleOne(hex(bytes), TEXT).orElseThrow();
        assertEquals(mnemonic, insn.mnemonic());
        assertEquals(operands, insn.operands());
        assertArrayEquals(hex(bytes), insn.bytes());
        assertEquals(TEXT, insn.address());
    }

    @ParameterizedTest(name = "{0} = {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            55                | push | ebp
            89 e5             | mov  | ebp, esp
            cd 80             | int  | 0x80
            0f 0b             | ud2  | ''
            8b 44 24 04       | mov  | eax, dword ptr [esp + 4]
            65 a1 00 00 00 00 | mov  | eax, dword ptr gs:[0]
            ff 60 08          | jmp  | dword ptr [eax + 8]
            """)
    void intelSyntaxMatchesCapstone(String bytes, String mnemonic, String operands) {
        Instruction insn = intel.disassembleOne(hex(bytes), TEXT).orElseThrow();
        assertEquals(mnemonic, insn.mnemonic());
        assertEquals(operands, insn.operands());
    }

    @Test
    void callRel32TargetIsComputedFromTheAddress() {
        // e8 10 00 00 00: call to the next instruction (TEXT + 5) + 0x10
        Instruction call = att.disassembleOne(hex("e8 10 00 00 00"), TEXT).orElseThrow();
        assertEquals("calll", call.mnemonic());
        assertEquals("0x8049015", call.operands());
        assertEquals(OptionalLong.of(0x8049015L), call.branchTarget());

        Instruction back = att.disassembleOne(hex("e8 fb ff ff ff"), 0x8049100L).orElseThrow();
        assertEquals(OptionalLong.of(0x8049100L), back.branchTarget(), "call to itself: rel32 = -5");
    }

    @Test
    void shortJumpsHaveTargetsInBothSyntaxes() {
        byte[] je = hex("74 02");
        assertEquals(OptionalLong.of(TEXT + 4), att.disassembleOne(je, TEXT).orElseThrow().branchTarget());
        assertEquals(OptionalLong.of(TEXT + 4), intel.disassembleOne(je, TEXT).orElseThrow().branchTarget());
        assertEquals(OptionalLong.of(TEXT), att.disassembleOne(hex("eb fe"), TEXT).orElseThrow().branchTarget());
    }

    @Test
    void indirectAndFarBranchesHaveNoTarget() {
        assertEquals(OptionalLong.empty(), att.disassembleOne(hex("ff d0"), TEXT).orElseThrow().branchTarget());
        assertEquals(OptionalLong.empty(), intel.disassembleOne(hex("ff 60 08"), TEXT).orElseThrow().branchTarget());
        Instruction far = att.disassembleOne(hex("ea 00 90 04 08 23 00"), TEXT).orElseThrow();
        assertEquals("ljmpl", far.mnemonic());
        assertEquals(OptionalLong.empty(), far.branchTarget());
        assertEquals(OptionalLong.empty(), att.disassembleOne(hex("cd 80"), TEXT).orElseThrow().branchTarget());
    }

    @Test
    void invalidBytesGiveEmpty() {
        assertEquals(Optional.empty(), att.disassembleOne(hex("ff ff"), TEXT));
        assertEquals(Optional.empty(), att.disassembleOne(hex("f0 90"), TEXT), "lock nop is #UD");
        assertEquals(Optional.empty(), att.disassembleOne(hex("e8 10 00"), TEXT), "call cut short");
        assertEquals(Optional.empty(), att.disassembleOne(new byte[0], TEXT));
    }

    @Test
    void listStopsAtInvalidBytesAndAtMaxCount() {
        byte[] code = hex("55 89 e5 ff ff 90");
        List<Instruction> decoded = att.disassemble(code, TEXT, 10);
        assertEquals(List.of("pushl", "movl"), decoded.stream().map(Instruction::mnemonic).toList());
        assertEquals(1, att.disassemble(code, TEXT, 1).size());
        assertEquals(List.of(), att.disassemble(code, TEXT, 0));
        assertThrows(IllegalArgumentException.class, () -> att.disassemble(code, TEXT, -1));
    }

    @Test
    void listAddressesFollowOneAnother() {
        byte[] code = hex("55 89 e5 83 ec 18 8b 45 08 c9 c3");
        List<Instruction> decoded = att.disassemble(code, TEXT, Integer.MAX_VALUE);
        assertEquals(6, decoded.size());
        long next = TEXT;
        for (Instruction insn : decoded) {
            assertEquals(next, insn.address());
            next = insn.end();
        }
        assertEquals(TEXT + code.length, next);
    }

    @Test
    void syntaxSwitchesAtAnyTime() {
        try (Disassembler d = new Disassembler()) {
            byte[] push = hex("55");
            assertEquals("pushl  %ebp", d.disassembleOne(push, TEXT).orElseThrow().text());
            d.setSyntax(Syntax.INTEL);
            assertEquals(Syntax.INTEL, d.syntax());
            assertEquals("push   ebp", d.disassembleOne(push, TEXT).orElseThrow().text());
            d.setSyntax(Syntax.ATT);
            assertEquals("pushl  %ebp", d.disassembleOne(push, TEXT).orElseThrow().text());
        }
    }

    @Test
    void nativeAndHeapSegmentsDecodeAlike() {
        byte[] code = hex("55 89 e5 cd 80 0f 0b");
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment ram = arena.allocate(4096);
            MemorySegment.copy(code, 0, ram, ValueLayout.JAVA_BYTE, 100, code.length);
            MemorySegment slice = ram.asSlice(100, code.length);
            assertEquals(att.disassemble(code, TEXT, 10), att.disassemble(slice, TEXT, 10));
            assertEquals(att.disassembleOne(code, TEXT), att.disassembleOne(slice, TEXT));
            assertEquals(att.disassemble(code, TEXT, 10),
                    att.disassemble(MemorySegment.ofArray(code), TEXT, 10));
        }
    }

    @Test
    void longInputGrowsTheCopyBuffer() {
        byte[] nops = new byte[2_000]; // past the 256-byte initial copy buffer
        Arrays.fill(nops, (byte) 0x90);
        List<Instruction> decoded = att.disassemble(nops, TEXT, Integer.MAX_VALUE);
        assertEquals(nops.length, decoded.size());
        assertEquals(TEXT + nops.length - 1, decoded.getLast().address());
    }

    @Test
    void addressMustBe32Bit() {
        byte[] push = hex("55");
        assertEquals(0xffff_ffffL, att.disassembleOne(push, 0xffff_ffffL).orElseThrow().address());
        assertThrows(IllegalArgumentException.class, () -> att.disassembleOne(push, 0x1_0000_0000L));
        assertThrows(IllegalArgumentException.class, () -> att.disassembleOne(push, -1));
    }

    @Test
    void closedDisassemblerRefusesWork() {
        Disassembler d = new Disassembler();
        d.close();
        d.close();
        var e = assertThrows(IllegalStateException.class, () -> d.disassembleOne(hex("55"), TEXT));
        assertTrue(e.getMessage().contains("closed"));
    }

    @Test
    void toStringIsOneDebuggerLine() {
        Instruction push = att.disassembleOne(hex("55"), TEXT).orElseThrow();
        assertEquals("0x08049000:  55                     pushl  %ebp", push.toString());
        Instruction gs = att.disassembleOne(hex("65 a1 00 00 00 00"), TEXT).orElseThrow();
        assertEquals("0x08049000:  65 a1 00 00 00 00      movl   %gs:0, %eax", gs.toString());
        Instruction ud2 = intel.disassembleOne(hex("0f 0b"), TEXT).orElseThrow();
        assertEquals("0x08049000:  0f 0b                  ud2", ud2.toString());
    }
}
