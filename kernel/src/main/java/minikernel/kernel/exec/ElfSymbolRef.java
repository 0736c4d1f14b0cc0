package minikernel.kernel.exec;

/**
 * An address described as a symbol plus an offset, the way gdb and the kernel's own
 * backtraces ({@code %pS}) print it: {@code main+0x1c}.
 *
 * @param symbol the nearest symbol at or below the address
 * @param offset how far past the symbol's start the address lies
 */
public record ElfSymbolRef(ElfSymbol symbol, long offset) {

    @Override
    public String toString() {
        return offset == 0 ? symbol.name() : symbol.name() + "+0x" + Long.toHexString(offset);
    }
}
