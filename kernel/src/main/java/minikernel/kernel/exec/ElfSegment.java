package minikernel.kernel.exec;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * One program header that describes memory: a PT_LOAD (or the PT_TLS template). Values are
 * as in the file, before any load bias; all are unsigned 32-bit numbers held in longs, and
 * {@link ElfFile} has checked that {@code filesz <= memsz}, that the file holds
 * {@code [offset, offset + filesz)} and that {@code vaddr + memsz} stays below
 * {@link ElfFile#TASK_SIZE}.
 *
 * <p>Two PT_LOADs never overlap byte-wise, but may share a page (the bss tail of one and the
 * start of the next): load_elf_binary() maps them in order and the later mapping of that
 * page wins, so a loader that maps in list order behaves as Linux does.
 *
 * @param vaddr  p_vaddr: where the segment starts in memory
 * @param memsz  p_memsz: its size in memory; bytes past filesz are zero (the bss)
 * @param offset p_offset: where its bytes start in the file
 * @param filesz p_filesz: how many bytes come from the file
 * @param flags  p_flags: PF_R, PF_W, PF_X
 * @param align  p_align: the alignment the linker asked for (a power of two, or 0/1 for none)
 */
public record ElfSegment(long vaddr, long memsz, long offset, long filesz, Set<Flag> flags, long align) {

    /** The p_flags bits. */
    public enum Flag {
        /** PF_R. */
        READ(4),
        /** PF_W. */
        WRITE(2),
        /** PF_X. */
        EXECUTE(1);

        private final int bit;

        Flag(int bit) {
            this.bit = bit;
        }

        /** The bit in p_flags. */
        public int bit() {
            return bit;
        }

        /** The flags set in a p_flags word; bits outside PF_R|PF_W|PF_X are ignored. */
        public static Set<Flag> decode(long pflags) {
            EnumSet<Flag> set = EnumSet.noneOf(Flag.class);
            for (Flag flag : values()) {
                if ((pflags & flag.bit) != 0) {
                    set.add(flag);
                }
            }
            return Collections.unmodifiableSet(set);
        }
    }

    public ElfSegment {
        EnumSet<Flag> copy = EnumSet.noneOf(Flag.class);
        copy.addAll(flags);
        flags = Collections.unmodifiableSet(copy);
    }

    /** The first address past the segment in memory: {@code vaddr + memsz}. */
    public long end() {
        return vaddr + memsz;
    }

    /** True when {@code address} is inside {@code [vaddr, vaddr + memsz)}. */
    public boolean contains(long address) {
        return address >= vaddr && address - vaddr < memsz;
    }

    /** True when {@code [address, address + size)} is inside the bytes that come from the file. */
    public boolean fileBackedContains(long address, long size) {
        return address >= vaddr && size >= 0 && address - vaddr <= filesz && size <= filesz - (address - vaddr);
    }

    public boolean readable() {
        return flags.contains(Flag.READ);
    }

    public boolean writable() {
        return flags.contains(Flag.WRITE);
    }

    public boolean executable() {
        return flags.contains(Flag.EXECUTE);
    }

    /** Like a line of {@code readelf -l}: {@code 0x08049000-0x080b62fc R E off 0x1000 filesz 0x6d2fc}. */
    @Override
    public String toString() {
        return String.format("0x%08x-0x%08x %c%c%c off 0x%x filesz 0x%x align 0x%x", vaddr, end(),
                readable() ? 'R' : ' ', writable() ? 'W' : ' ', executable() ? 'E' : ' ', offset, filesz, align);
    }
}
