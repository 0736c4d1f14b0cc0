package minikernel.kernel.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks, independently of the parser's code, that a file {@link ElfFile#parse} accepted
 * obeys every promise of {@link ElfFile}'s documentation, by re-reading the raw bytes.
 */
final class ElfInvariants {
    private ElfInvariants() {
    }

    private record RawPhdr(long type, long offset, long vaddr, long filesz, long memsz, long flags, long align) {
    }

    static void check(byte[] file, ElfFile elf) {
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        assertTrue(file.length >= 52);
        assertEquals(0x464c457f, b.getInt(0));
        assertEquals(1, file[4]);
        assertEquals(1, file[5]);
        assertEquals(1, file[6]);
        assertEquals(1, u32(b, 20));
        int type = u16(b, 16);
        assertTrue(type == 2 || type == 3);
        assertEquals(type == 3, elf.isPositionIndependent());
        int machine = u16(b, 18);
        assertTrue(machine == 3 || machine == 6);
        assertEquals(32, u16(b, 42));
        int phnum = u16(b, 44);
        long phoff = u32(b, 28);
        assertTrue(phnum >= 1 && phnum <= 2048);
        assertTrue(phoff + 32L * phnum <= file.length);
        assertEquals(u32(b, 24), elf.entry());

        List<RawPhdr> phdrs = new ArrayList<>();
        for (int i = 0; i < phnum; i++) {
            int at = (int) phoff + 32 * i;
            phdrs.add(new RawPhdr(u32(b, at), u32(b, at + 4), u32(b, at + 8), u32(b, at + 16), u32(b, at + 20),
                    u32(b, at + 24), u32(b, at + 28)));
        }
        assertFalse(phdrs.stream().anyMatch(p -> p.type() == 3), "no PT_INTERP");
        List<RawPhdr> loads = phdrs.stream().filter(p -> p.type() == 1).toList();
        assertFalse(loads.isEmpty());
        assertEquals(loads.size(), elf.loadSegments().size());
        boolean readImpliesExec = phdrs.stream().noneMatch(p -> p.type() == 0x6474e551L);
        assertEquals(readImpliesExec, elf.readImpliesExec());
        boolean entryOk = false;
        for (int i = 0; i < loads.size(); i++) {
            RawPhdr raw = loads.get(i);
            ElfSegment seg = elf.loadSegments().get(i);
            assertEquals(raw.vaddr(), seg.vaddr());
            assertEquals(raw.memsz(), seg.memsz());
            assertEquals(raw.offset(), seg.offset());
            assertEquals(raw.filesz(), seg.filesz());
            assertEquals(raw.align(), seg.align());
            assertEquals((raw.flags() & 4) != 0, seg.readable());
            assertEquals((raw.flags() & 2) != 0, seg.writable());
            assertEquals((raw.flags() & 1) != 0, seg.executable());
            assertTrue(raw.filesz() <= raw.memsz());
            assertTrue(raw.vaddr() + raw.memsz() <= 0xFFFFE000L);
            if (raw.filesz() > 0) {
                assertTrue(raw.offset() + raw.filesz() <= file.length);
                assertEquals(0, Math.floorMod(raw.offset() - raw.vaddr(), 4096L));
            }
            assertEquals(raw.filesz(), elf.fileBytes(seg).length);
            if (i > 0) {
                RawPhdr prev = loads.get(i - 1);
                assertTrue(raw.vaddr() >= prev.vaddr() + prev.memsz(), "ascending and not overlapping");
            }
            boolean exec = (raw.flags() & 1) != 0 || (readImpliesExec && (raw.flags() & 4) != 0);
            if (exec && elf.entry() >= raw.vaddr() && elf.entry() < raw.vaddr() + raw.memsz()) {
                entryOk = true;
            }
        }
        assertTrue(entryOk, "entry point in executable memory");

        Optional<RawPhdr> tls = phdrs.stream().filter(p -> p.type() == 7).findFirst();
        assertEquals(tls.isPresent(), elf.tls().isPresent());
        tls.ifPresent(t -> {
            assertEquals(t.vaddr(), elf.tls().orElseThrow().vaddr());
            assertTrue(t.filesz() <= t.memsz());
            assertTrue(loads.stream().anyMatch(l -> t.vaddr() >= l.vaddr()
                    && t.vaddr() + t.filesz() <= l.vaddr() + l.memsz()), "TLS image loaded");
        });

        Optional<RawPhdr> ptPhdr = phdrs.stream().filter(p -> p.type() == 6).findFirst();
        ptPhdr.ifPresent(p -> assertEquals(p.vaddr(), elf.programHeaderAddress().orElseThrow()));
        elf.programHeaderAddress().ifPresent(address -> assertTrue(loads.stream().anyMatch(l -> address >= l.vaddr()
                && address + 32L * phnum <= l.vaddr() + l.filesz()), "program headers loaded"));

        assertEquals(1, Long.bitCount(elf.maximumAlignment()));
        assertTrue(elf.totalMappingSize() >= 0);
        checkSymbols(elf);
    }

    private static void checkSymbols(ElfFile elf) {
        List<ElfSymbol> symbols = elf.symbols().symbols();
        for (int i = 0; i < symbols.size(); i++) {
            ElfSymbol s = symbols.get(i);
            assertNotEquals("", s.name());
            if (i > 0) {
                assertTrue(symbols.get(i - 1).address() <= s.address());
            }
            if (i < 8) {
                assertTrue(elf.addressOf(s.name()).isPresent());
                elf.symbolAt(s.address() + 1).ifPresent(ref -> assertTrue(ref.offset() >= 0));
            }
        }
        elf.symbolAt(elf.entry()).ifPresent(ref -> assertTrue(ref.symbol().address() <= elf.entry()));
    }

    private static long u32(ByteBuffer b, int at) {
        return b.getInt(at) & 0xffffffffL;
    }

    private static int u16(ByteBuffer b, int at) {
        return b.getShort(at) & 0xffff;
    }
}
