package minikernel.tools.debug;

import static minikernel.tools.debug.TestPrograms.COUNTER;
import static minikernel.tools.debug.TestPrograms.MAIN;
import static minikernel.tools.debug.TestPrograms.START;
import static minikernel.tools.debug.TestPrograms.WORKER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.OptionalLong;
import minikernel.kernel.exec.ElfSymbol;
import minikernel.kernel.exec.ElfSymbol.Binding;
import minikernel.kernel.exec.ElfSymbol.Kind;
import org.junit.jupiter.api.Test;

class SymbolsTest {
    private final Symbols symbols = TestPrograms.symbols();

    @Test
    void namesGiveAddresses() {
        assertEquals(OptionalLong.of(MAIN), symbols.address("main"));
        assertEquals(OptionalLong.of(COUNTER), symbols.address("counter"));
        assertEquals(OptionalLong.empty(), symbols.address("nosuch"));
        assertEquals(0x20, symbols.symbol("main").orElseThrow().size());
    }

    @Test
    void labelsNameTheEnclosingSymbol() {
        assertEquals("main", symbols.label(MAIN));
        assertEquals("main+12", symbols.label(MAIN + 12));
        assertEquals("main+31", symbols.label(MAIN + 0x1f));
        assertEquals("worker", symbols.label(WORKER), "main ends where worker starts");
        assertEquals("counter+3", symbols.label(COUNTER + 3));
        assertEquals("", symbols.label(0x1000), "below every symbol");
    }

    @Test
    void sizedSymbolsDoNotReachPastTheirEnd() {
        // message is 16 bytes at 0x0804a020: an address after it (a stack, the heap) is unnamed.
        assertEquals("message+15", symbols.label(TestPrograms.MESSAGE + 15));
        assertEquals("", symbols.label(TestPrograms.MESSAGE + 16));
        assertEquals("", symbols.label(0xbffff000L));
    }

    @Test
    void unsizedSymbolsReach64KiB() {
        assertEquals("_start+100", symbols.label(START + 100));
        Symbols alone = Symbols.of(List.of(new ElfSymbol("_start", START, 0, Kind.FUNC, Binding.GLOBAL)));
        assertEquals("_start+65535", alone.label(START + 0xffff));
        assertEquals("", alone.label(START + Symbols.UNSIZED_REACH));
        // Past a sized symbol above it, an unsized one no longer names the address.
        assertEquals("", symbols.label(TestPrograms.MESSAGE + 0x100));
    }

    @Test
    void enclosingSymbolWinsOverANestedOneThatEnded() {
        Symbols nested = Symbols.of(List.of(
                new ElfSymbol("table", 0x1000, 0x100, Kind.OBJECT, Binding.GLOBAL),
                new ElfSymbol("entry", 0x1010, 4, Kind.OBJECT, Binding.LOCAL)));
        assertEquals("entry+2", nested.label(0x1012));
        assertEquals("table+32", nested.label(0x1020));
    }

    @Test
    void globalBeatsLocalAtOneAddress() {
        Symbols both = Symbols.of(List.of(
                new ElfSymbol("alias_local", 0x2000, 8, Kind.FUNC, Binding.LOCAL),
                new ElfSymbol("real", 0x2000, 8, Kind.FUNC, Binding.GLOBAL),
                new ElfSymbol("weakling", 0x2000, 8, Kind.FUNC, Binding.WEAK)));
        assertEquals("real+4", both.label(0x2004));
        assertEquals(List.of("alias_local", "real", "weakling"), both.names());
    }

    @Test
    void namesAreSortedForCompletion() {
        assertEquals(List.of("_start", "counter", "helper", "main", "message", "worker"), symbols.names());
        assertTrue(Symbols.empty().names().isEmpty());
    }

    @Test
    void loadBiasMovesEverySymbol() {
        Symbols moved = symbols.withLoadBias(0x1000);
        assertEquals(OptionalLong.of(MAIN + 0x1000), moved.address("main"));
        assertEquals("main+1", moved.label(MAIN + 0x1001));
    }

    @Test
    void realGuestProgramHasMain() throws Exception {
        Symbols hello = Symbols.fromElf(TestPrograms.guestProgram("hello"));
        long main = hello.address("main").orElseThrow();
        assertTrue(main >= 0x0804_8000L && main < 0x0900_0000L, Long.toHexString(main));
        assertEquals("main", hello.label(main));
        assertEquals("main+12", hello.label(main + 12));
        assertTrue(hello.names().containsAll(List.of("main", "_start", "printf", "write")), hello.names().toString());
        assertTrue(hello.symbol("main").orElseThrow().size() > 0);
        assertEquals("", hello.label(0xbffff000L), "a stack address has no symbol");
    }

    @Test
    void programWithoutSymtabGivesAnEmptyTable() throws Exception {
        byte[] stripped = TestPrograms.guestProgram("hello").clone();
        // e_shoff = 0: no section headers, so no .symtab (what strip leaves behind, roughly).
        ByteBuffer.wrap(stripped).order(ByteOrder.LITTLE_ENDIAN).putInt(0x20, 0);
        Symbols none = Symbols.fromElf(stripped);
        assertTrue(none.isEmpty());
        assertEquals(OptionalLong.empty(), none.address("main"));
        assertEquals("", none.label(0x0804_8000L));
    }

    @Test
    void notAnElfIsAnError() {
        DebugException e = assertThrows(DebugException.class, () -> Symbols.fromElf("#!/bin/sh\n".getBytes()));
        assertTrue(e.getMessage().startsWith("not a program minikernel can run: "), e.getMessage());
    }
}
