package minikernel.kernel.exec;

import static minikernel.kernel.exec.Elf32Builder.BASE;
import static minikernel.kernel.exec.Elf32Builder.PF_R;
import static minikernel.kernel.exec.Elf32Builder.PF_W;
import static minikernel.kernel.exec.Elf32Builder.PF_X;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Hand-built files, one per rule of {@link ElfFile}: each refusal says what is wrong. */
class ElfFileRefusalTest {

    private static String refusal(byte[] file) {
        ElfException e = assertThrows(ElfException.class, () -> ElfFile.parse(file));
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e.getMessage();
    }

    private static String refusal(Elf32Builder builder) {
        return refusal(builder.build());
    }

    private static void assertContains(String expected, String message) {
        assertTrue(message.contains(expected), "expected \"" + expected + "\" in: " + message);
    }

    @Test
    void minimalFileParses() throws ElfException {
        ElfFile elf = ElfFile.parse(Elf32Builder.minimal().build());
        assertEquals(1, elf.loadSegments().size());
        assertEquals(BASE + 0x100, elf.entry());
        assertFalse(elf.isPositionIndependent());
        assertFalse(elf.executableStack());
        assertFalse(elf.readImpliesExec());
        assertEquals(OptionalLong.of(BASE + 52), elf.programHeaderAddress());
        assertTrue(elf.symbols().isEmpty());
    }

    @Test
    void badMagicIsNotAnElfFile() {
        assertEquals("not an ELF file (bad magic number)", refusal("hello world".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("not an ELF file (bad magic number)", refusal(new byte[0]));
        assertEquals("not an ELF file (bad magic number)", refusal(new byte[] {0x7f, 'E', 'L'}));
        assertContains("a script", refusal("#!/bin/sh\necho hi\n".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void elfClass64IsRefusedNamingTheMachine() {
        Elf32Builder b = Elf32Builder.minimal();
        b.elfClass = 2;
        b.machine = 62;
        assertEquals("a 64-bit ELF file (x86-64); minikernel runs 32-bit i386 programs: build with gcc -m32",
                refusal(b));
    }

    @Test
    void bigEndianIsRefused() {
        Elf32Builder b = Elf32Builder.minimal();
        b.data = 2;
        b.machine = 20 << 8;
        assertContains("big-endian ELF file (PowerPC)", refusal(b));
    }

    @Test
    void wrongVersionIsRefused() {
        Elf32Builder b = Elf32Builder.minimal();
        b.identVersion = 0;
        assertContains("unsupported ELF version 0", refusal(b));
        Elf32Builder c = Elf32Builder.minimal();
        c.version = 2;
        assertContains("unsupported ELF version 2", refusal(c));
        Elf32Builder d = Elf32Builder.minimal();
        d.elfClass = 3;
        assertContains("invalid ELF class 3", refusal(d));
    }

    @Test
    void otherMachinesAreNamed() {
        Elf32Builder arm = Elf32Builder.minimal();
        arm.machine = 40;
        assertContains("not an i386 program: built for ARM", refusal(arm));
        Elf32Builder x32 = Elf32Builder.minimal();
        x32.machine = 62;
        assertContains("built for x86-64", refusal(x32));
        Elf32Builder odd = Elf32Builder.minimal();
        odd.machine = 9999;
        assertContains("built for machine 9999", refusal(odd));
    }

    @Test
    void em486IsAcceptedLikeLinux() throws ElfException {
        Elf32Builder b = Elf32Builder.minimal();
        b.machine = 6;
        assertEquals(6, ElfFile.parse(b.build()).header().machine());
    }

    @Test
    void objectFilesAndCoreDumpsAreNotExecutables() {
        Elf32Builder rel = Elf32Builder.minimal();
        rel.type = 1;
        assertContains("an object file (ET_REL), not an executable", refusal(rel));
        Elf32Builder core = Elf32Builder.minimal();
        core.type = 4;
        assertContains("a core dump (ET_CORE)", refusal(core));
        Elf32Builder none = Elf32Builder.minimal();
        none.type = 0;
        assertContains("not an executable", refusal(none));
    }

    @Test
    void truncatedHeaderIsRefused() {
        byte[] file = Arrays.copyOf(Elf32Builder.minimal().build(), 30);
        assertEquals("truncated ELF file: the header needs 52 bytes, the file has 30", refusal(file));
    }

    @Test
    void dynamicallyLinkedProgramNamesItsInterpreter() {
        assertEquals("dynamically linked (interpreter /lib/ld-linux.so.2); minikernel runs static programs:"
                + " build with -static", refusal(Elf32Builder.minimal().interp("/lib/ld-linux.so.2")));
        Elf32Builder pie = Elf32Builder.minimal().interp("/lib/ld-linux.so.2");
        pie.type = 3;
        assertContains("dynamically linked (interpreter /lib/ld-linux.so.2)", refusal(pie));
        Elf32Builder broken = Elf32Builder.minimal();
        broken.phdr(ElfProgramHeaders.PT_INTERP, 0x5000, 0, 20, 20, PF_R, 1);
        assertContains("dynamically linked (it asks for an interpreter)", refusal(broken));
    }

    @Test
    void programHeaderTableIsChecked() {
        Elf32Builder size = Elf32Builder.minimal();
        size.phentsize = 56;
        assertContains("bad program header size e_phentsize=56 (expected 32)", refusal(size));
        Elf32Builder none = Elf32Builder.minimal();
        none.phnum = 0;
        assertContains("no program headers", refusal(none));
        Elf32Builder many = Elf32Builder.minimal();
        many.phnum = 2049;
        assertContains("too many program headers: 2049", refusal(many));
        Elf32Builder outside = Elf32Builder.minimal();
        outside.phoff = 0xff0L;
        assertContains("program headers lie outside the file", refusal(outside));
        Elf32Builder huge = Elf32Builder.minimal();
        huge.phoff = 0xfffffff0L;
        assertContains("program headers lie outside the file", refusal(huge));
    }

    @Test
    void truncatedSegmentIsRefused() {
        byte[] file = Arrays.copyOf(Elf32Builder.minimal().build(), 0x800);
        assertContains("truncated ELF file: program header 0 (PT_LOAD) needs file bytes 0x0-0x1000, the file has 0x800",
                refusal(file));
    }

    @Test
    void fileSizeLargerThanMemorySizeIsRefused() {
        Elf32Builder b = new Elf32Builder();
        b.load(0, BASE, 0x1000, 0x800, PF_R | PF_X);
        assertContains("program header 0 (PT_LOAD): file size 0x1000 is larger than memory size 0x800", refusal(b));
    }

    @Test
    void segmentReachingTheKernelAreaIsRefused() {
        Elf32Builder top = new Elf32Builder();
        top.entry = 0xffffd000L;
        top.load(0, 0xffffd000L, 0x1000, 0x2000, PF_R | PF_X);
        assertContains("reaches past the end of user memory at 0xffffe000", refusal(top));
        Elf32Builder wrap = new Elf32Builder();
        wrap.entry = 0xfffff000L;
        wrap.load(0, 0xfffff000L, 0x1000, 0x2000, PF_R | PF_X);
        assertContains("reaches past the end of user memory", refusal(wrap));
    }

    @Test
    void segmentEndingExactlyAtTaskSizeIsAccepted() throws ElfException {
        Elf32Builder b = new Elf32Builder();
        b.entry = 0xffffd000L;
        b.load(0, 0xffffd000L, 0x1000, 0x1000, PF_R | PF_X);
        assertEquals(ElfFile.TASK_SIZE, ElfFile.parse(b.build()).loadSegments().getFirst().end());
    }

    @Test
    void offsetAndAddressMustBeCongruentModuloThePageSize() {
        Elf32Builder b = new Elf32Builder();
        b.load(0, BASE + 0x10, 0x1000, 0x1000, PF_R | PF_X);
        assertContains("offset 0x0 and address 0x8048010 differ modulo the page size (4096)", refusal(b));
    }

    @Test
    void overlappingSegmentsAreRefused() {
        Elf32Builder b = new Elf32Builder();
        b.fileSize = 0x2000;
        b.load(0, BASE, 0x1000, 0x1800, PF_R | PF_X);
        b.load(0x1000, BASE + 0x1000, 0x1000, 0x1000, PF_R | PF_W);
        assertContains("PT_LOAD segments overlap: program header 1 at 0x8049000 starts before the previous one ends"
                + " at 0x8049800", refusal(b));
    }

    @Test
    void segmentsMustBeInAscendingOrder() {
        Elf32Builder b = new Elf32Builder();
        b.fileSize = 0x2000;
        b.load(0x1000, BASE + 0x1000, 0x1000, 0x1000, PF_R | PF_W);
        b.load(0, BASE, 0x1000, 0x1000, PF_R | PF_X);
        assertContains("PT_LOAD segments are not in ascending address order", refusal(b));
    }

    @Test
    void noLoadableSegmentIsRefused() {
        Elf32Builder b = new Elf32Builder();
        b.phdr(ElfProgramHeaders.PT_GNU_STACK, 0, 0, 0, 0, PF_R | PF_W, 16);
        assertEquals("no loadable segment (PT_LOAD)", refusal(b));
    }

    @Test
    void entryPointMustBeInExecutableMemory() {
        Elf32Builder outside = Elf32Builder.minimal();
        outside.entry = 0x1234;
        assertEquals("entry point 0x1234 is not inside an executable PT_LOAD segment", refusal(outside));
        Elf32Builder data = new Elf32Builder();
        data.load(0, BASE, 0x1000, 0x1000, PF_R | PF_W);
        data.phdr(ElfProgramHeaders.PT_GNU_STACK, 0, 0, 0, 0, PF_R | PF_W, 16);
        assertContains("is not inside an executable PT_LOAD segment", refusal(data));
    }

    @Test
    void withoutGnuStackReadImpliesExecLikeLinux() throws ElfException {
        Elf32Builder b = new Elf32Builder();
        b.load(0, BASE, 0x1000, 0x1000, PF_R | PF_W);
        ElfFile elf = ElfFile.parse(b.build());
        assertTrue(elf.readImpliesExec());
        assertTrue(elf.isExecutable(elf.loadSegments().getFirst()));
    }

    @Test
    void executableStackIsReported() throws ElfException {
        Elf32Builder b = new Elf32Builder();
        b.load(0, BASE, 0x1000, 0x1000, PF_R | PF_X);
        b.phdr(ElfProgramHeaders.PT_GNU_STACK, 0, 0, 0, 0, PF_R | PF_W | PF_X, 16);
        assertTrue(ElfFile.parse(b.build()).executableStack());
    }

    @Test
    void tlsTemplateMustBeLoaded() throws ElfException {
        Elf32Builder b = Elf32Builder.glibcLike();
        ElfFile elf = ElfFile.parse(b.build());
        assertEquals(BASE + 0x4bec, elf.tls().orElseThrow().vaddr());
        assertEquals(0x30, elf.tls().orElseThrow().memsz());
        Elf32Builder bad = Elf32Builder.minimal();
        bad.phdr(ElfProgramHeaders.PT_TLS, 0x800, 0x10000000L, 0x10, 0x20, PF_R, 4);
        assertContains("program header 2 (PT_TLS): its initial image at 0x10000000 (size 0x10) is not inside a PT_LOAD",
                refusal(bad));
        Elf32Builder sizes = Elf32Builder.minimal();
        sizes.phdr(ElfProgramHeaders.PT_TLS, 0x800, BASE + 0x800, 0x20, 0x10, PF_R, 4);
        assertContains("(PT_TLS): file size 0x20 is larger than memory size 0x10", refusal(sizes));
    }

    @Test
    void programHeaderAddressComesFromPtPhdrOrTheLoadHoldingThem() throws ElfException {
        Elf32Builder withPhdr = Elf32Builder.minimal();
        withPhdr.phdrs.addFirst(new Elf32Builder.Phdr(ElfProgramHeaders.PT_PHDR, 52, BASE + 52, 96, 96, PF_R, 4));
        assertEquals(OptionalLong.of(BASE + 52), ElfFile.parse(withPhdr.build()).programHeaderAddress());

        Elf32Builder notLoaded = new Elf32Builder();
        notLoaded.fileSize = 0x2000;
        notLoaded.entry = BASE + 0x1000;
        notLoaded.load(0x1000, BASE + 0x1000, 0x1000, 0x1000, PF_R | PF_X);
        assertEquals(OptionalLong.empty(), ElfFile.parse(notLoaded.build()).programHeaderAddress());

        Elf32Builder badPhdr = Elf32Builder.minimal();
        badPhdr.phdr(ElfProgramHeaders.PT_PHDR, 52, 0x20000000L, 96, 96, PF_R, 4);
        assertContains("(PT_PHDR) at 0x20000000 is not inside the file-backed part of a PT_LOAD", refusal(badPhdr));
    }

    @Test
    void staticPieIsAcceptedAsPositionIndependent() throws ElfException {
        Elf32Builder b = new Elf32Builder();
        b.type = 3;
        b.fileSize = 0x2000;
        b.entry = 0x1010;
        b.load(0, 0, 0x1000, 0x1000, PF_R);
        b.load(0x1000, 0x1000, 0x1000, 0x1000, PF_R | PF_X);
        ElfFile elf = ElfFile.parse(b.build());
        assertTrue(elf.isPositionIndependent());
        assertEquals(0x2000, elf.totalMappingSize());
        assertEquals(0x1000, elf.maximumAlignment());
        assertEquals(OptionalLong.of(52), elf.programHeaderAddress());
    }

    @Test
    void segmentsSharingAPageButNotBytesAreAccepted() throws ElfException {
        Elf32Builder b = new Elf32Builder();
        b.fileSize = 0x2000;
        b.load(0, BASE, 0x800, 0x800, PF_R | PF_X);
        b.load(0x1800, BASE + 0x800, 0x100, 0x200, PF_R | PF_W);
        assertEquals(2, ElfFile.parse(b.build()).loadSegments().size());
    }

    @Test
    void zeroSizedFileImageNeedsNoFileBytes() throws ElfException {
        Elf32Builder b = Elf32Builder.minimal();
        b.load(0x7fff0000L, BASE + 0x2000, 0, 0x3000, PF_R | PF_W);
        ElfFile elf = ElfFile.parse(b.build());
        ElfSegment bss = elf.loadSegments().get(1);
        assertEquals(0, bss.filesz());
        assertEquals(0x3000, bss.memsz());
        assertEquals(0, elf.fileBytes(bss).length);
    }

    @Test
    void parseKeepsItsOwnCopy() throws ElfException {
        byte[] file = Elf32Builder.minimal().build();
        ElfFile elf = ElfFile.parse(file);
        Arrays.fill(file, (byte) 0);
        assertEquals(0x7f, elf.contents().get(0));
        assertEquals(0x1000, elf.fileBytes(elf.loadSegments().getFirst()).length);
    }
}
