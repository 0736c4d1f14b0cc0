package minikernel.tools.debug;

import static minikernel.tools.debug.TestPrograms.COUNTER;
import static minikernel.tools.debug.TestPrograms.MAIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import minikernel.cpu.capstone.Disassembler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Expected strings are gdb's output for the same bytes; in the table, → is a tab and ¶ a
 * newline.
 */
class ExamineTest {
    private static Disassembler disassembler;

    private final FakeRegisters registers = new FakeRegisters().with("eip", MAIN + 1);
    private final FakeMemory memory = new FakeMemory();
    private Examine examine;

    @BeforeAll
    static void open() {
        disassembler = new Disassembler();
    }

    @AfterAll
    static void close() {
        disassembler.close();
    }

    ExamineTest() {
        // counter = 1, then message = "hello, world\n" (16 bytes), then -1 and &main.
        byte[] data = new byte[28];
        data[0] = 1;
        byte[] hello = "hello, world\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(hello, 0, data, 4, hello.length);
        for (int i = 20; i < 24; i++) {
            data[i] = (byte) 0xff;
        }
        data[24] = 0x00;
        data[25] = (byte) 0x90;
        data[26] = 0x04;
        data[27] = 0x08;
        memory.map(COUNTER, data);
        memory.map(MAIN, "55 89 e5 83 ec 10 c3");
        Symbols symbols = TestPrograms.symbols();
        examine = new Examine(memory, registers, symbols, new Disassembly(memory, registers, symbols, disassembler));
    }

    @ParameterizedTest(name = "x{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            /4xw &counter | 0x804a01c <counter>:→0x00000001→0x6c6c6568→0x77202c6f→0x646c726f
            /5xw counter  | 0x804a01c <counter>:→0x00000001→0x6c6c6568→0x77202c6f→0x646c726f¶0x804a02c <message+12>:→0x0000000a
            /x counter    | 0x804a01c <counter>:→0x00000001
            counter       | 0x804a01c <counter>:→0x00000001
            /2dw counter  | 0x804a01c <counter>:→1→1819043176
            /dw 0x804a030 | 0x804a030:→-1
            /uw 0x804a030 | 0x804a030:→4294967295
            /db 0x804a030 | 0x804a030:→-1
            /2ow counter  | 0x804a01c <counter>:→01→015433062550
            /xh counter   | 0x804a01c <counter>:→0x0001
            /3xh counter  | 0x804a01c <counter>:→0x0001→0x0000→0x6568
            /10xh counter | 0x804a01c <counter>:→0x0001→0x0000→0x6568→0x6c6c→0x2c6f→0x7720→0x726f→0x646c¶0x804a02c <message+12>:→0x000a→0x0000
            /xg counter   | 0x804a01c <counter>:→0x6c6c656800000001
            /3xg counter  | 0x804a01c <counter>:→0x6c6c656800000001→0x646c726f77202c6f¶0x804a02c <message+12>:→0xffffffff0000000a
            /dg 0x804a02c | 0x804a02c <message+12>:→-4294967286
            /8xb &message | 0x804a020 <message>:→0x68→0x65→0x6c→0x6c→0x6f→0x2c→0x20→0x77
            /9xb message  | 0x804a020 <message>:→0x68→0x65→0x6c→0x6c→0x6f→0x2c→0x20→0x77¶0x804a028 <message+8>:→0x6f
            /2tb counter  | 0x804a01c <counter>:→00000001→00000000
            /tw counter   | 0x804a01c <counter>:→00000000000000000000000000000001
            /th message   | 0x804a020 <message>:→0110010101101000
            /3c &message  | 0x804a020 <message>:→104 'h'→101 'e'→108 'l'
            /c 0x804a02c  | 0x804a02c <message+12>:→10 '\\n'
            /c 0x804a030  | 0x804a030:→-1 '\\377'
            /a 0x804a034  | 0x804a034:→0x8049000 <main>
            /2a 0x804a030 | 0x804a030:→0xffffffff→0x8049000 <main>
            /s &message   | 0x804a020 <message>:→"hello, world\\n"
            /2s message   | 0x804a020 <message>:→"hello, world\\n"¶0x804a02e <message+14>:→""
            /s message+7  | 0x804a027 <message+7>:→"world\\n"
            /3i main      | `   0x8049000 <main>:→push   %ebp¶=> 0x8049001 <main+1>:→mov    %esp,%ebp¶   0x8049003 <main+3>:→sub    $0x10,%esp`
            /i $pc        | => 0x8049001 <main+1>:→mov    %esp,%ebp
            """)
    void formatsAndUnitsAsGdbPrintsThem(String arguments, String expected) throws DebugException {
        assertEquals(expected.replace('→', '\t').replace('¶', '\n'), examine.run(arguments));
    }

    @Test
    void rememberedFormatAndUnitAndAddress() throws DebugException {
        examine.run("/2xh counter");
        assertEquals('x', examine.format());
        assertEquals('h', examine.unit());
        assertEquals(OptionalLong.of(COUNTER + 4), examine.nextAddress());
        // A bare x goes on where the last stopped, with the same format and unit.
        assertEquals("0x804a020 <message>:\t0x6568", examine.run(""));
        // A new format keeps the unit.
        assertEquals("0x804a01c <counter>:\t1", examine.run("/d counter"));
        // A unit alone keeps the format.
        assertEquals("0x804a01c <counter>:\t1\t0", examine.run("/2b counter"));
        // a defaults to a word, and that word sticks.
        assertEquals("0x804a034:\t0x8049000 <main>", examine.run("/a 0x804a034"));
        assertEquals('w', examine.unit());
        // c defaults to a byte.
        assertEquals("0x804a020 <message>:\t104 'h'", examine.run("/c message"));
        // After s the unit is a byte: gdb's x/x after x/s shows the NUL.
        assertEquals("0x804a020 <message>:\t\"hello, world\\n\"", examine.run("/s message"));
        assertEquals("0x804a02e <message+14>:\t0x00", examine.run("/x"));
        // i keeps the unit and goes on after the last instruction.
        examine.run("/2i main");
        assertEquals(OptionalLong.of(MAIN + 3), examine.nextAddress());
        assertEquals("   0x8049003 <main+3>:\tsub    $0x10,%esp", examine.run(""));
        assertEquals('b', examine.unit());
    }

    @Test
    void stringsAreEscapedCutAndCollapsed() throws DebugException {
        memory.map(0x1000, FakeMemory.bytes("01 1b 22 5c 27 ff 09 07 0b 0c 0d 08 00"));
        assertEquals("0x1000:\t\"\\001\\033\\\"\\\\'\\377\\t\\a\\v\\f\\r\\b\"", examine.run("/s 0x1000"));

        memory.map(0x2000, ("ab" + "x".repeat(12) + "cd" + "y".repeat(10) + "\0").getBytes(StandardCharsets.US_ASCII));
        assertEquals("0x2000:\t\"ab\", 'x' <repeats 12 times>, \"cdyyyyyyyyyy\"", examine.run("/s 0x2000"));

        byte[] spaces = "                \0".getBytes(StandardCharsets.US_ASCII);
        memory.map(0x3000, spaces);
        assertEquals("0x3000:\t' ' <repeats 16 times>", examine.run("/s 0x3000"));

        byte[] digits = ("0123456789".repeat(30) + "\0").getBytes(StandardCharsets.US_ASCII);
        memory.map(0x4000, digits);
        assertEquals("0x4000:\t\"" + "0123456789".repeat(20) + "\"...", examine.run("/s 0x4000"));
        assertEquals(OptionalLong.of(0x4000 + 200), examine.nextAddress());

        memory.map(0x5000, "61 62");   // no NUL before unmapped memory
        assertEquals("0x5000:\t\"ab\"<error: cannot read memory at 0x5002>", examine.run("/s 0x5000"));
    }

    @Test
    void unreadableMemory() throws DebugException {
        assertEquals("cannot read memory at 0x0",
                assertThrows(DebugException.class, () -> examine.run("/x 0")).getMessage());
        assertEquals("cannot read memory at 0x10",
                assertThrows(DebugException.class, () -> examine.run("/s 16")).getMessage());
        // Part of it readable: what can be read, then why it stops.
        assertEquals("0x804a030:\t0xffffffff\t0x08049000\ncannot read memory at 0x804a038",
                examine.run("/4xw 0x804a030"));
    }

    @Test
    void badArguments() {
        assertEquals("x needs an address the first time",
                assertThrows(DebugException.class, () -> examine.run("")).getMessage());
        assertEquals("bad format letter 'q' (formats x z d u o t a c s i, units b h w g)",
                assertThrows(DebugException.class, () -> examine.run("/4q counter")).getMessage());
        assertEquals("no symbol 'nosuch'",
                assertThrows(DebugException.class, () -> examine.run("/x nosuch")).getMessage());
    }
}
