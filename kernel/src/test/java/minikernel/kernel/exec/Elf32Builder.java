package minikernel.kernel.exec;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds small ELF32 files byte by byte for tests: an Elf32_Ehdr, a program header table
 * right after it, a body of {@link #fileSize} bytes, and optionally a symbol table with its
 * section headers at the end. Every field can be set to a bad value.
 */
final class Elf32Builder {
    static final long PF_X = 1;
    static final long PF_W = 2;
    static final long PF_R = 4;
    static final long BASE = 0x08048000L;

    /** One Elf32_Phdr. */
    record Phdr(long type, long offset, long vaddr, long filesz, long memsz, long flags, long align) {
    }

    /** One Elf32_Sym: {@code type} is STT_FUNC (2) or STT_OBJECT (1), {@code bind} STB_LOCAL/GLOBAL/WEAK. */
    record Sym(String name, long value, long size, int type, int bind, int shndx) {
    }

    int elfClass = 1;
    int data = 1;
    int identVersion = 1;
    int type = 2;
    int machine = 3;
    long version = 1;
    long entry = BASE + 0x100;
    int phentsize = 32;
    Integer phnum;
    Long phoff;
    int fileSize = 0x1000;
    final List<Phdr> phdrs = new ArrayList<>();
    final List<Sym> symbols = new ArrayList<>();
    private final List<byte[]> blobs = new ArrayList<>();
    private final List<Integer> blobOffsets = new ArrayList<>();

    /** One R+X PT_LOAD mapping the whole 4 KiB file at 0x08048000, and a non-executable stack. */
    static Elf32Builder minimal() {
        Elf32Builder b = new Elf32Builder();
        b.load(0, BASE, 0x1000, 0x1000, PF_R | PF_X);
        b.phdr(ElfProgramHeaders.PT_GNU_STACK, 0, 0, 0, 0, PF_R | PF_W, 16);
        return b;
    }

    /**
     * A static-glibc-like layout: headers, text, rodata, data+bss with a TLS template, over a
     * 16 KiB file, and a few symbols.
     */
    static Elf32Builder glibcLike() {
        Elf32Builder b = new Elf32Builder();
        b.fileSize = 0x4000;
        b.entry = BASE + 0x1010;
        b.load(0, BASE, 0x200, 0x200, PF_R);
        b.load(0x1000, BASE + 0x1000, 0x1000, 0x1000, PF_R | PF_X);
        b.load(0x2000, BASE + 0x2000, 0x800, 0x800, PF_R);
        b.load(0x3bec, BASE + 0x4bec, 0x400, 0x1400, PF_R | PF_W);
        b.phdr(ElfProgramHeaders.PT_TLS, 0x3bec, BASE + 0x4bec, 0xc, 0x30, PF_R, 4);
        b.phdr(ElfProgramHeaders.PT_GNU_STACK, 0, 0, 0, 0, PF_R | PF_W, 16);
        b.symbol("_start", BASE + 0x1010, 0, 2, 1);
        b.symbol("main", BASE + 0x1100, 0x40, 2, 1);
        b.symbol("helper", BASE + 0x1140, 0x20, 2, 0);
        b.symbol("counter", BASE + 0x4c00, 4, 1, 1);
        return b;
    }

    Elf32Builder load(long offset, long vaddr, long filesz, long memsz, long flags) {
        return phdr(ElfProgramHeaders.PT_LOAD, offset, vaddr, filesz, memsz, flags, 0x1000);
    }

    Elf32Builder phdr(long type, long offset, long vaddr, long filesz, long memsz, long flags, long align) {
        phdrs.add(new Phdr(type, offset, vaddr, filesz, memsz, flags, align));
        return this;
    }

    Elf32Builder symbol(String name, long value, long size, int type, int bind) {
        symbols.add(new Sym(name, value, size, type, bind, 1));
        return this;
    }

    /** Places {@code bytes} in the body at {@code offset} (which must be past the headers). */
    Elf32Builder put(int offset, byte[] bytes) {
        blobs.add(bytes);
        blobOffsets.add(offset);
        return this;
    }

    /** A PT_INTERP naming {@code path}, its string stored at offset 0x800. */
    Elf32Builder interp(String path) {
        byte[] bytes = (path + "\0").getBytes(StandardCharsets.US_ASCII);
        put(0x800, bytes);
        return phdr(ElfProgramHeaders.PT_INTERP, 0x800, BASE + 0x800, bytes.length, bytes.length, PF_R, 1);
    }

    byte[] build() {
        int phTable = 52;
        int size = Math.max(fileSize, phTable + phdrs.size() * 32);
        ByteBuffer buf = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(new byte[] {0x7f, 'E', 'L', 'F', (byte) elfClass, (byte) data, (byte) identVersion});
        buf.putShort(16, (short) type).putShort(18, (short) machine).putInt(20, (int) version);
        buf.putInt(24, (int) entry).putInt(28, (int) (phoff != null ? phoff : phTable));
        buf.putShort(40, (short) 52).putShort(42, (short) phentsize);
        buf.putShort(44, (short) (int) (phnum != null ? phnum : phdrs.size()));
        for (int i = 0; i < phdrs.size(); i++) {
            Phdr p = phdrs.get(i);
            int at = phTable + i * 32;
            if (at + 32 > size) {
                break;
            }
            buf.putInt(at, (int) p.type()).putInt(at + 4, (int) p.offset()).putInt(at + 8, (int) p.vaddr())
                    .putInt(at + 12, (int) p.vaddr()).putInt(at + 16, (int) p.filesz())
                    .putInt(at + 20, (int) p.memsz()).putInt(at + 24, (int) p.flags()).putInt(at + 28, (int) p.align());
        }
        for (int i = 0; i < blobs.size(); i++) {
            buf.put(blobOffsets.get(i), blobs.get(i));
        }
        byte[] body = buf.array();
        return symbols.isEmpty() ? body : withSymbols(body);
    }

    /** Appends .strtab, .symtab, .shstrtab and the section headers [null, .strtab, .symtab, .shstrtab]. */
    private byte[] withSymbols(byte[] body) {
        ByteArrayOutputStream strtab = new ByteArrayOutputStream();
        strtab.write(0);
        ByteBuffer symtab = ByteBuffer.allocate(16 * (symbols.size() + 1)).order(ByteOrder.LITTLE_ENDIAN);
        symtab.position(16);
        for (Sym s : symbols) {
            int name = strtab.size();
            strtab.writeBytes((s.name() + "\0").getBytes(StandardCharsets.US_ASCII));
            symtab.putInt(name).putInt((int) s.value()).putInt((int) s.size())
                    .put((byte) (s.bind() << 4 | s.type())).put((byte) 0).putShort((short) s.shndx());
        }
        byte[] shstrtab = "\0.strtab\0.symtab\0.shstrtab\0".getBytes(StandardCharsets.US_ASCII);
        int strOff = body.length;
        int symOff = align4(strOff + strtab.size());
        int shstrOff = symOff + symtab.capacity();
        int shOff = align4(shstrOff + shstrtab.length);
        ByteBuffer out = ByteBuffer.allocate(shOff + 4 * 40).order(ByteOrder.LITTLE_ENDIAN);
        out.put(body).put(strOff, strtab.toByteArray()).put(symOff, symtab.array()).put(shstrOff, shstrtab);
        section(out, shOff + 40, 1, 3, strOff, strtab.size(), 0, 0);
        section(out, shOff + 80, 9, 2, symOff, symtab.capacity(), 1, 16);
        section(out, shOff + 120, 17, 3, shstrOff, shstrtab.length, 0, 0);
        out.putInt(32, shOff).putShort(46, (short) 40).putShort(48, (short) 4).putShort(50, (short) 3);
        return out.array();
    }

    private static void section(ByteBuffer out, int at, int name, int type, int offset, int size, int link,
            int entsize) {
        out.putInt(at, name).putInt(at + 4, type).putInt(at + 16, offset).putInt(at + 20, size)
                .putInt(at + 24, link).putInt(at + 36, entsize);
    }

    private static int align4(int value) {
        return (value + 3) & ~3;
    }
}
