package minikernel.kernel.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Programs built by the host's gcc, as students will build them: accepted or refused as Linux would. */
class ElfFileRealBinariesTest {
    static final String HELLO = """
            #include <stdio.h>
            int counter = 7;
            static int __attribute__((noipa)) helper(int x) { return x * 3 + counter; }
            int main(void) { printf("hello %d\\n", helper(2)); return 0; }
            """;
    static final String TINY = """
            void _start(void) {
                __asm__ volatile("movl $1, %eax\\n\\tmovl $42, %ebx\\n\\tint $0x80");
            }
            """;

    @TempDir
    static Path dir;
    static Gcc.Result glibc;
    static Gcc.Result tiny;
    static Gcc.Result staticPie;
    static Gcc.Result dynamic;
    static Gcc.Result elf64;
    static Gcc.Result object;
    static Gcc.Result stripped;

    @BeforeAll
    static void build() {
        Gcc gcc = new Gcc(dir);
        glibc = gcc.compile("hello", HELLO, "-m32", "-static", "-O1");
        tiny = gcc.compile("tiny", TINY, "-m32", "-ffreestanding", "-nostdlib", "-static", "-no-pie", "-O1");
        staticPie = gcc.compile("hello-pie", HELLO, "-m32", "-static-pie", "-O1");
        dynamic = gcc.compile("hello-dyn", HELLO, "-m32", "-O1");
        elf64 = gcc.compile("hello64", HELLO, "-O1");
        object = gcc.compile("hello.o", HELLO, "-m32", "-c");
        stripped = gcc.compile("hello-stripped", HELLO, "-m32", "-static", "-s", "-O1");
    }

    private static ElfFile parse(Gcc.Result result) throws IOException, ElfException {
        assumeTrue(result.built(), result.why());
        return ElfFile.parse(result.file());
    }

    private static String refusal(Gcc.Result result) {
        assumeTrue(result.built(), result.why());
        return assertThrows(ElfException.class, () -> ElfFile.parse(result.file())).getMessage();
    }

    @Test
    void staticGlibcHelloParses() throws Exception {
        ElfFile elf = parse(glibc);
        assertEquals(ElfHeader.Type.EXEC, elf.header().type());
        assertFalse(elf.isPositionIndependent());
        assertTrue(elf.loadSegments().size() >= 2);
        assertTrue(elf.tls().isPresent(), "static glibc has a PT_TLS");
        assertFalse(elf.executableStack());
        ElfSegment first = elf.loadSegments().getFirst();
        long phdr = first.vaddr() - first.offset() + elf.header().phoff();
        assertEquals(OptionalLong.of(phdr), elf.programHeaderAddress());
        assertTrue(elf.isExecutable(elf.segmentContaining(elf.entry()).orElseThrow()));
    }

    @Test
    void symbolsMatchNm() throws Exception {
        ElfFile elf = parse(glibc);
        long main = elf.addressOf("main").orElseThrow();
        long helper = elf.addressOf("helper").orElseThrow();
        nmAddress(glibc.file(), "main").ifPresent(expected -> assertEquals(expected, main));
        assertEquals("main", elf.symbolAt(main).orElseThrow().toString());
        assertEquals("main+0x3", elf.symbolAt(main + 3).orElseThrow().toString());
        assertEquals(ElfSymbol.Binding.LOCAL, elf.symbolAt(helper).orElseThrow().symbol().binding());
        ElfSymbolRef counter = elf.symbolAt(elf.addressOf("counter").orElseThrow()).orElseThrow();
        assertEquals(ElfSymbol.Kind.OBJECT, counter.symbol().kind());
        assertEquals(Optional.empty(), elf.symbolAt(0xbffff000L), "a stack address names no symbol");
        assertTrue(elf.addressOf("no_such_symbol").isEmpty());
    }

    @Test
    void freestandingTinyProgramParses() throws Exception {
        ElfFile elf = parse(tiny);
        assertEquals(elf.addressOf("_start"), OptionalLong.of(elf.entry()));
        assertEquals("_start", elf.symbolAt(elf.entry()).orElseThrow().toString());
        assertTrue(elf.tls().isEmpty());
    }

    @Test
    void staticPieIsPositionIndependent() throws Exception {
        ElfFile elf = parse(staticPie);
        assertTrue(elf.isPositionIndependent());
        assertEquals(0, elf.loadSegments().getFirst().vaddr());
        assertTrue(elf.programHeaderAddress().isPresent());
        assertTrue(elf.totalMappingSize() > 0);
    }

    @Test
    void strippedProgramHasNoSymbols() throws Exception {
        ElfFile elf = parse(stripped);
        assertTrue(elf.symbols().isEmpty());
        assertTrue(elf.symbolAt(elf.entry()).isEmpty());
    }

    @Test
    void dynamicProgramIsRefusedWithItsInterpreter() {
        assertEquals("dynamically linked (interpreter /lib/ld-linux.so.2); minikernel runs static programs:"
                + " build with -static", refusal(dynamic));
    }

    @Test
    void sixtyFourBitProgramIsRefused() {
        assertEquals("a 64-bit ELF file (x86-64); minikernel runs 32-bit i386 programs: build with gcc -m32",
                refusal(elf64));
    }

    @Test
    void objectFileIsRefused() {
        assertTrue(refusal(object).startsWith("an object file (ET_REL)"));
    }

    /** The address {@code nm} gives {@code name}, when nm is installed. */
    private static Optional<Long> nmAddress(Path file, String name) {
        try {
            Process nm = new ProcessBuilder("nm", file.toString()).redirectErrorStream(true).start();
            String output = new String(nm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            List<String> lines = output.lines().toList();
            nm.waitFor();
            return lines.stream().map(line -> line.split(" ")).filter(f -> f.length == 3 && f[2].equals(name))
                    .map(f -> Long.parseLong(f[0], 16)).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
