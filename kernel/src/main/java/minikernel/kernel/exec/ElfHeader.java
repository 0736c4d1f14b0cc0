package minikernel.kernel.exec;

/**
 * The Elf32_Ehdr of a program minikernel will run, after the checks that open
 * load_elf_binary() in fs/binfmt_elf.c: the magic number, ELFCLASS32, little-endian data,
 * EV_CURRENT, an executable type (ET_EXEC or ET_DYN) and {@code elf_check_arch()} for i386
 * (EM_386, or EM_486, which Linux also accepts). Addresses and offsets are unsigned 32-bit
 * values held in {@code long}s.
 *
 * @param type      e_type: a fixed-address executable or a position-independent one
 * @param machine   e_machine: EM_386 (3) or EM_486 (6)
 * @param entry     e_entry: the first instruction, before any load bias
 * @param phoff     e_phoff: file offset of the program header table
 * @param phentsize e_phentsize: always 32, the size of an Elf32_Phdr
 * @param phnum     e_phnum: number of program headers
 * @param shoff     e_shoff: file offset of the section header table (0 when stripped of it)
 * @param shentsize e_shentsize: size of one Elf32_Shdr (40) as the file claims it
 * @param shnum     e_shnum: number of section headers (0 may mean "see section 0")
 * @param shstrndx  e_shstrndx: index of the section name string table
 * @param flags     e_flags: processor-specific flags (none defined for i386)
 */
public record ElfHeader(Type type, int machine, long entry, long phoff, int phentsize, int phnum,
        long shoff, int shentsize, int shnum, int shstrndx, long flags) {

    /** Size of an Elf32_Ehdr. */
    public static final int SIZE = 52;
    /** Size of an Elf32_Phdr, the only e_phentsize Linux accepts for a 32-bit program. */
    public static final int PHDR_SIZE = 32;
    public static final int EM_386 = 3;
    public static final int EM_486 = 6;

    /** The e_type values minikernel executes; ET_REL and ET_CORE are refused by {@link #read}. */
    public enum Type {
        /** ET_EXEC: linked at fixed addresses. */
        EXEC(2),
        /** ET_DYN without PT_INTERP: a static-pie, loaded at a bias the kernel chooses. */
        DYN(3);

        private final int value;

        Type(int value) {
            this.value = value;
        }

        /** The e_type number. */
        public int value() {
            return value;
        }
    }

    private static final int EI_CLASS = 4;
    private static final int EI_DATA = 5;
    private static final int EI_VERSION = 6;
    private static final int ELFCLASS32 = 1;
    private static final int ELFCLASS64 = 2;
    private static final int ELFDATA2LSB = 1;
    private static final int ELFDATA2MSB = 2;
    private static final int EV_CURRENT = 1;
    private static final int ET_NONE = 0;
    private static final int ET_REL = 1;
    private static final int ET_EXEC = 2;
    private static final int ET_DYN = 3;
    private static final int ET_CORE = 4;

    /**
     * Reads and checks the header. The order of checks follows load_elf_binary(): identity
     * first (so a 64-bit or big-endian file is named as such rather than as "truncated"),
     * then type, then architecture.
     */
    static ElfHeader read(ElfBytes file) throws ElfException {
        if (file.length() < 4 || file.u8(0, "magic") != 0x7f || file.u8(1, "magic") != 'E'
                || file.u8(2, "magic") != 'L' || file.u8(3, "magic") != 'F') {
            if (file.length() >= 2 && file.u8(0, "magic") == '#' && file.u8(1, "magic") == '!') {
                throw new ElfException("not an ELF file: it starts with '#!' (a script)");
            }
            throw new ElfException("not an ELF file (bad magic number)");
        }
        int elfClass = file.u8(EI_CLASS, "e_ident[EI_CLASS]");
        if (elfClass == ELFCLASS64) {
            throw new ElfException("a 64-bit ELF file" + machineSuffix(file, false)
                    + "; minikernel runs 32-bit i386 programs: build with gcc -m32");
        }
        if (elfClass != ELFCLASS32) {
            throw new ElfException("invalid ELF class " + elfClass + " (expected 1, ELFCLASS32)");
        }
        int data = file.u8(EI_DATA, "e_ident[EI_DATA]");
        if (data == ELFDATA2MSB) {
            throw new ElfException("a big-endian ELF file" + machineSuffix(file, true)
                    + "; minikernel runs little-endian i386 programs");
        }
        if (data != ELFDATA2LSB) {
            throw new ElfException("invalid ELF data encoding " + data + " (expected 1, little-endian)");
        }
        int identVersion = file.u8(EI_VERSION, "e_ident[EI_VERSION]");
        if (identVersion != EV_CURRENT) {
            throw new ElfException("unsupported ELF version " + identVersion + " (expected 1)");
        }
        if (file.length() < SIZE) {
            throw new ElfException("truncated ELF file: the header needs " + SIZE + " bytes, the file has "
                    + file.length());
        }
        int type = file.u16(16, "e_type");
        Type accepted = switch (type) {
            case ET_EXEC -> Type.EXEC;
            case ET_DYN -> Type.DYN;
            case ET_REL -> throw new ElfException(
                    "an object file (ET_REL), not an executable: link it first (gcc -m32 -static)");
            case ET_CORE -> throw new ElfException("a core dump (ET_CORE), not an executable");
            case ET_NONE -> throw new ElfException("not an executable (ELF type ET_NONE)");
            default -> throw new ElfException(
                    "not an executable (unknown ELF type 0x" + Integer.toHexString(type) + ")");
        };
        int machine = file.u16(18, "e_machine");
        if (machine != EM_386 && machine != EM_486) {
            throw new ElfException("not an i386 program: built for " + machineName(machine)
                    + "; minikernel runs 32-bit x86 programs (gcc -m32)");
        }
        long version = file.u32(20, "e_version");
        if (version != EV_CURRENT) {
            throw new ElfException("unsupported ELF version " + version + " (expected 1)");
        }
        return new ElfHeader(accepted, machine, file.u32(24, "e_entry"), file.u32(28, "e_phoff"),
                file.u16(42, "e_phentsize"), file.u16(44, "e_phnum"), file.u32(32, "e_shoff"),
                file.u16(46, "e_shentsize"), file.u16(48, "e_shnum"), file.u16(50, "e_shstrndx"),
                file.u32(36, "e_flags"));
    }

    /** " (x86-64)" when e_machine is readable, in whichever byte order the file declares. */
    private static String machineSuffix(ElfBytes file, boolean bigEndian) throws ElfException {
        if (file.length() < 20) {
            return "";
        }
        int machine = bigEndian ? file.u8(18, "e_machine") << 8 | file.u8(19, "e_machine")
                : file.u16(18, "e_machine");
        return " (" + machineName(machine) + ")";
    }

    /** A reader's name for an e_machine value (include/uapi/linux/elf-em.h). */
    static String machineName(int machine) {
        return switch (machine) {
            case 0 -> "no machine (EM_NONE)";
            case 2 -> "SPARC";
            case EM_386 -> "i386";
            case EM_486 -> "i486";
            case 8 -> "MIPS";
            case 20 -> "PowerPC";
            case 21 -> "PowerPC64";
            case 22 -> "S390";
            case 40 -> "ARM";
            case 42 -> "SuperH";
            case 43 -> "SPARC64";
            case 50 -> "IA-64";
            case 62 -> "x86-64";
            case 183 -> "AArch64";
            case 243 -> "RISC-V";
            case 258 -> "LoongArch";
            default -> "machine " + machine;
        };
    }
}
