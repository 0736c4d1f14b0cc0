package minikernel.tools.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import minikernel.cpu.capstone.Disassembler;
import minikernel.cpu.capstone.Instruction;
import minikernel.cpu.capstone.Syntax;
import minikernel.kernel.exec.ElfSymbol;
import minikernel.kernel.exec.ElfSymbol.Binding;
import minikernel.kernel.exec.ElfSymbol.Kind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DisassemblyTest {
    private static final long MAIN = 0x0804_9000L;
    private static final long WORKER = 0x0804_9020L;
    /** main: push %ebp; mov %esp,%ebp; sub $0x10,%esp; call worker; leave; ret. */
    private static final String MAIN_CODE = "55 89 e5 83 ec 10 e8 15 00 00 00 c9 c3";

    private static Disassembler disassembler;

    private final Symbols symbols = Symbols.of(List.of(
            new ElfSymbol("main", MAIN, 13, Kind.FUNC, Binding.GLOBAL),
            new ElfSymbol("worker", WORKER, 0x40, Kind.FUNC, Binding.GLOBAL)));
    private final FakeRegisters registers = new FakeRegisters().with("eip", MAIN);
    private final FakeMemory memory = new FakeMemory().map(MAIN, MAIN_CODE);
    private final Disassembly disassembly = new Disassembly(memory, registers, symbols, disassembler);

    @BeforeAll
    static void open() {
        disassembler = new Disassembler();
    }

    @AfterAll
    static void close() {
        disassembler.close();
    }

    @Test
    void knownBytesInAttSyntax() throws DebugException {
        memory.map(0x1000, "55 89 e5 83 ec 10 c3");
        assertEquals(List.of(
                "   0x00001000:\tpush   %ebp",
                "   0x00001001:\tmov    %esp,%ebp",
                "   0x00001003:\tsub    $0x10,%esp",
                "   0x00001006:\tret"), disassembly.lines(0x1000, 4));
    }

    @Test
    void knownBytesInIntelSyntax() throws DebugException {
        memory.map(0x1000, "55 89 e5 83 ec 10 c3");
        disassembly.setSyntax(Syntax.INTEL);
        try {
            assertEquals(Syntax.INTEL, disassembly.syntax());
            assertEquals(List.of(
                    "   0x00001000:\tpush   ebp",
                    "   0x00001001:\tmov    ebp,esp",
                    "   0x00001003:\tsub    esp,0x10",
                    "   0x00001006:\tret"), disassembly.lines(0x1000, 4));
        } finally {
            disassembly.setSyntax(Syntax.ATT);
        }
    }

    @Test
    void wholeFunctionWithLabelsMarkerAndCallTarget() throws DebugException {
        registers.set("eip", MAIN + 3);
        assertEquals(String.join("\n",
                "   0x08049000 <main+0>:\tpush   %ebp",
                "   0x08049001 <main+1>:\tmov    %esp,%ebp",
                "=> 0x08049003 <main+3>:\tsub    $0x10,%esp",
                "   0x08049006 <main+6>:\tcall   0x8049020 <worker>",
                "   0x0804900b <main+11>:\tleave",
                "   0x0804900c <main+12>:\tret"), disassembly.run("main"));
    }

    @Test
    void intelCallTargetIsNamedToo() throws DebugException {
        disassembly.setSyntax(Syntax.INTEL);
        try {
            assertEquals("   0x08049006 <main+6>:\tcall   0x8049020 <worker>", disassembly.run("main+6 1"));
        } finally {
            disassembly.setSyntax(Syntax.ATT);
        }
    }

    @Test
    void arguments() throws DebugException {
        // No address: from $eip; the listing stops where mapped memory does.
        assertEquals(6, disassembly.run("").lines().count());
        assertEquals("=> 0x08049000 <main+0>:\tpush   %ebp", disassembly.run("main 1"));
        assertEquals("   0x08049001 <main+1>:\tmov    %esp,%ebp\n   0x08049003 <main+3>:\tsub    $0x10,%esp",
                disassembly.run("$eip+1 2"));
        assertEquals("   0x0804900c <main+12>:\tret", disassembly.run("0x804900c"));
        assertEquals("   0x0804900c <main+12>:\tret", disassembly.run("main + 12"), "an expression with blanks, no count");
        assertEquals("   0x0804900b <main+11>:\tleave", disassembly.run("(main + 11) 1"));
        assertEquals("", disassembly.run("main 0"));
    }

    @Test
    void defaultCountIsTen() throws DebugException {
        memory.map(0x2000, "90 ".repeat(40));
        assertEquals(Disassembly.DEFAULT_COUNT, disassembly.run("0x2000").lines().count());
        assertEquals(25, disassembly.run("0x2000 25").lines().count());
    }

    @Test
    void invalidBytesShowAsBad() throws DebugException {
        memory.map(0x3000, "ff ff ff c3 90");
        assertEquals(List.of(
                "   0x00003000:\t(bad)",
                "   0x00003001:\t(bad)",
                "   0x00003002:\tinc    %ebx",
                "   0x00003004:\tnop"), disassembly.lines(0x3000, 10));
    }

    @Test
    void errors() {
        assertEquals("cannot read memory at 0x0",
                assertThrows(DebugException.class, () -> disassembly.run("0")).getMessage());
        assertEquals("no symbol 'nosuch'",
                assertThrows(DebugException.class, () -> disassembly.run("nosuch")).getMessage());
    }

    /** objdump's (and so gdb's) text for instructions gcc emits; Capstone spells them differently. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            55                   | push   %ebp                       | push   ebp
            89 e5                | mov    %esp,%ebp                  | mov    ebp,esp
            c3                   | ret                               | ret
            c9                   | leave                             | leave
            c7 04 24 60 c5 04 08 | movl   $0x804c560,(%esp)          | mov    DWORD PTR [esp],0x804c560
            83 e4 f0             | and    $0xfffffff0,%esp           | and    esp,0xfffffff0
            8b 44 24 04          | mov    0x4(%esp),%eax             | mov    eax,DWORD PTR [esp+0x4]
            89 44 24 08          | mov    %eax,0x8(%esp)             | mov    DWORD PTR [esp+0x8],eax
            8b 45 00             | mov    0x0(%ebp),%eax             | mov    eax,DWORD PTR [ebp+0x0]
            0f b6 00             | movzbl (%eax),%eax                | movzx  eax,BYTE PTR [eax]
            65 8b 0d 08 00 00 00 | mov    %gs:0x8,%ecx               | mov    ecx,DWORD PTR gs:0x8
            ff 14 9d fc df 04 08 | call   *0x804dffc(,%ebx,4)        | call   DWORD PTR [ebx*4+0x804dffc]
            8b 04 85 00 f1 04 08 | mov    0x804f100(,%eax,4),%eax    | mov    eax,DWORD PTR [eax*4+0x804f100]
            8d 04 bd 00 00 00 00 | lea    0x0(,%edi,4),%eax          | lea    eax,[edi*4+0x0]
            ff d0                | call   *%eax                      | call   eax
            66 90                | xchg   %ax,%ax                    | xchg   ax,ax
            f0 0f b1 0a          | lock cmpxchg %ecx,(%edx)          | lock cmpxchg DWORD PTR [edx],ecx
            d1 e8                | shr    %eax                       | shr    eax,1
            c1 fb 02             | sar    $0x2,%ebx                  | sar    ebx,0x2
            83 c0 ff             | add    $0xffffffff,%eax           | add    eax,0xffffffff
            80 38 00             | cmpb   $0x0,(%eax)                | cmp    BYTE PTR [eax],0x0
            0f 95 c0             | setne  %al                        | setne  al
            f3 a5                | rep movsl %ds:(%esi),%es:(%edi)   | rep movs DWORD PTR es:[edi],DWORD PTR ds:[esi]
            a1 00 00 05 08       | mov    0x8050000,%eax             | mov    eax,ds:0x8050000
            a3 00 00 05 08       | mov    %eax,0x8050000             | mov    ds:0x8050000,eax
            cd 80                | int    $0x80                      | int    0x80
            """)
    void spellingMatchesObjdump(String bytes, String att, String intel) {
        Instruction insn = disassembler.disassembleOne(FakeMemory.bytes(bytes), 0x8049000L).orElseThrow();
        assertEquals(att, Spelling.text(insn, Syntax.ATT));
        try (Disassembler intelDisassembler = new Disassembler(Syntax.INTEL)) {
            Instruction intelInsn = intelDisassembler.disassembleOne(FakeMemory.bytes(bytes), 0x8049000L).orElseThrow();
            assertEquals(intel, Spelling.text(intelInsn, Syntax.INTEL));
        }
    }
}
