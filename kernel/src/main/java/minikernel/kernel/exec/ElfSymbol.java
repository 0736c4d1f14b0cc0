package minikernel.kernel.exec;

/**
 * A function or data object from a program's {@code .symtab} (an Elf32_Sym with
 * STT_FUNC or STT_OBJECT, defined in some section). The address is the link-time one: for a
 * static-pie, add the load bias before comparing it with a running program's EIP.
 *
 * @param name    the name from the linked string table
 * @param address st_value
 * @param size    st_size (0 when the assembler did not say, as for hand-written _start)
 * @param kind    function or object
 * @param binding local, global or weak
 */
public record ElfSymbol(String name, long address, long size, Kind kind, Binding binding) {

    /** ELF32_ST_TYPE values kept in the table. */
    public enum Kind {
        /** STT_OBJECT. */
        OBJECT,
        /** STT_FUNC. */
        FUNC
    }

    /** ELF32_ST_BIND values. */
    public enum Binding {
        /** STB_LOCAL: a static function or variable. */
        LOCAL,
        /** STB_GLOBAL. */
        GLOBAL,
        /** STB_WEAK. */
        WEAK
    }

    /** True when {@code address} falls inside {@code [address, address + size)}. */
    public boolean contains(long target) {
        return target >= address && target - address < size;
    }

    @Override
    public String toString() {
        return name;
    }
}
