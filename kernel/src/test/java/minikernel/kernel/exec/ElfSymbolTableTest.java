package minikernel.kernel.exec;

import static minikernel.kernel.exec.Elf32Builder.BASE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Symbols for the debugger: exact lookups on hand-built tables, and tolerance of bad ones. */
class ElfSymbolTableTest {

    private static ElfFile glibcLike() throws ElfException {
        return ElfFile.parse(Elf32Builder.glibcLike().build());
    }

    @Test
    void addressOfFindsFunctionsAndObjects() throws ElfException {
        ElfFile elf = glibcLike();
        assertEquals(OptionalLong.of(BASE + 0x1100), elf.addressOf("main"));
        assertEquals(OptionalLong.of(BASE + 0x4c00), elf.addressOf("counter"));
        assertEquals(OptionalLong.empty(), elf.addressOf("printf"));
    }

    @Test
    void symbolAtGivesNameAndOffset() throws ElfException {
        ElfFile elf = glibcLike();
        assertEquals("main", elf.symbolAt(BASE + 0x1100).orElseThrow().toString());
        assertEquals("main+0x1c", elf.symbolAt(BASE + 0x111c).orElseThrow().toString());
        assertEquals("helper+0x4", elf.symbolAt(BASE + 0x1144).orElseThrow().toString());
        assertEquals("_start+0x10", elf.symbolAt(BASE + 0x1020).orElseThrow().toString());
        assertEquals("counter", elf.symbolAt(BASE + 0x4c00).orElseThrow().toString());
    }

    @Test
    void symbolAtStaysInsideTheSegment() throws ElfException {
        ElfFile elf = glibcLike();
        assertEquals(Optional.empty(), elf.symbolAt(BASE + 0x2010), "rodata precedes no symbol of its own");
        assertEquals(Optional.empty(), elf.symbolAt(0xbffff000L), "the stack is no symbol");
        assertEquals(Optional.empty(), elf.symbolAt(BASE + 0x1000), "before the first function");
    }

    @Test
    void globalSymbolWinsOverLocalOfTheSameNameAndAddress() throws ElfException {
        Elf32Builder b = Elf32Builder.glibcLike();
        b.symbol("dup", BASE + 0x1200, 4, 2, 0);
        b.symbol("dup", BASE + 0x1300, 4, 2, 1);
        b.symbol("alias_local", BASE + 0x1100, 0x40, 2, 0);
        ElfFile elf = ElfFile.parse(b.build());
        assertEquals(OptionalLong.of(BASE + 0x1300), elf.addressOf("dup"));
        assertEquals("main+0x8", elf.symbolAt(BASE + 0x1108).orElseThrow().toString());
    }

    @Test
    void undefinedAndOtherKindsAreIgnored() throws ElfException {
        Elf32Builder b = Elf32Builder.glibcLike();
        b.symbols.add(new Elf32Builder.Sym("undefined", BASE + 0x1180, 4, 2, 1, 0));
        b.symbols.add(new Elf32Builder.Sym("section", BASE + 0x1180, 0, 3, 0, 1));
        b.symbols.add(new Elf32Builder.Sym("absolute", BASE + 0x1180, 0, 2, 1, 0xfff1));
        ElfFile elf = ElfFile.parse(b.build());
        assertEquals(4, elf.symbols().symbols().size());
    }

    @Test
    void noSectionHeadersMeansNoSymbols() throws ElfException {
        assertTrue(ElfFile.parse(Elf32Builder.minimal().build()).symbols().isEmpty());
    }

    @Test
    void malformedSectionHeadersMeanNoSymbolsNotAnError() throws ElfException {
        byte[] good = Elf32Builder.glibcLike().build();
        ByteBuffer b = ByteBuffer.wrap(good).order(ByteOrder.LITTLE_ENDIAN);
        int shoff = b.getInt(32);

        byte[] outside = good.clone();
        ByteBuffer.wrap(outside).order(ByteOrder.LITTLE_ENDIAN).putInt(32, 0x7ffffff0);
        assertTrue(ElfFile.parse(outside).symbols().isEmpty());

        byte[] badEntsize = good.clone();
        ByteBuffer.wrap(badEntsize).order(ByteOrder.LITTLE_ENDIAN).putShort(46, (short) 64);
        assertTrue(ElfFile.parse(badEntsize).symbols().isEmpty());

        byte[] badLink = good.clone();
        ByteBuffer.wrap(badLink).order(ByteOrder.LITTLE_ENDIAN).putInt(shoff + 80 + 24, 99);
        assertTrue(ElfFile.parse(badLink).symbols().isEmpty());

        byte[] hugeSymtab = good.clone();
        ByteBuffer.wrap(hugeSymtab).order(ByteOrder.LITTLE_ENDIAN).putInt(shoff + 80 + 20, 0x7fffffff);
        assertTrue(ElfFile.parse(hugeSymtab).symbols().isEmpty());

        byte[] truncated = Arrays.copyOf(good, shoff + 50);
        assertTrue(ElfFile.parse(truncated).symbols().isEmpty());
    }

    @Test
    void badNameOffsetSkipsOnlyThatSymbol() throws ElfException {
        byte[] file = Elf32Builder.glibcLike().build();
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        int shoff = b.getInt(32);
        int symtab = b.getInt(shoff + 80 + 16);
        b.putInt(symtab + 16, 0x7fffffff);
        ElfFile elf = ElfFile.parse(file);
        assertEquals(3, elf.symbols().symbols().size());
        assertEquals(OptionalLong.empty(), elf.addressOf("_start"));
    }
}
