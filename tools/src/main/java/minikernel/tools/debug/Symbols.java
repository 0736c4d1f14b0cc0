package minikernel.tools.debug;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;
import minikernel.kernel.exec.ElfException;
import minikernel.kernel.exec.ElfFile;
import minikernel.kernel.exec.ElfSymbol;
import minikernel.kernel.exec.ElfSymbolTable;

/**
 * The functions and objects of the program being debugged, from its ELF {@code .symtab}: names
 * for {@code break main} and {@code x &counter}, and {@code main+12} labels for addresses, as gdb
 * gets them from the ELF's "minimal symbols" when there is no debug information.
 *
 * <p>Immutable. A stripped program gives an empty table: everything still works, with bare
 * addresses.
 */
public final class Symbols {
    /**
     * How far past an unsized symbol (hand-written assembly such as {@code _start} often has
     * st_size 0) an address is still named after it. Past that it is more likely data or a
     * stack than more of the same code.
     */
    public static final long UNSIZED_REACH = 64 * 1024;

    /** How far back {@link #locate} looks for a symbol that encloses a nested one. */
    private static final int ENCLOSING_LOOKBACK = 16;

    private static final Symbols EMPTY = new Symbols(List.of());

    /** A symbol and how far into it an address is: {@code main+12}. */
    public record Location(ElfSymbol symbol, long offset) {
        /** {@code main} at offset 0, else {@code main+12} (decimal, as gdb writes it). */
        @Override
        public String toString() {
            return offset == 0 ? symbol.name() : symbol.name() + "+" + offset;
        }
    }

    /** The kernel's table (address order, the preferred of several at one address last). */
    private final ElfSymbolTable table;
    private final List<ElfSymbol> byAddress;
    private final List<String> names;

    private Symbols(Collection<ElfSymbol> symbols) {
        this.table = ElfSymbolTable.of(List.copyOf(symbols));
        this.byAddress = table.symbols();
        this.names = List.copyOf(new TreeSet<>(byAddress.stream().map(ElfSymbol::name).toList()));
    }

    /** A table with no symbols (a stripped program, or none loaded yet). */
    public static Symbols empty() {
        return EMPTY;
    }

    /** The given symbols (tests, or a table built elsewhere). */
    public static Symbols of(Collection<ElfSymbol> symbols) {
        return symbols.isEmpty() ? EMPTY : new Symbols(symbols);
    }

    /**
     * The symbols of the ELF program {@code elf} (the file's bytes), parsed by the kernel's own
     * ELF reader so that the debugger sees exactly what exec loaded.
     *
     * @throws DebugException if the bytes are not an i386 program the kernel would run
     */
    public static Symbols fromElf(byte[] elf) throws DebugException {
        try {
            return of(ElfFile.parse(elf).symbols().symbols());
        } catch (ElfException e) {
            throw new DebugException("not a program minikernel can run: " + e.getMessage());
        }
    }

    /**
     * The same symbols moved by {@code bias}: a static-pie runs at its link-time addresses plus
     * the load bias exec chose.
     */
    public Symbols withLoadBias(long bias) {
        if (bias == 0) {
            return this;
        }
        List<ElfSymbol> moved = new ArrayList<>(byAddress.size());
        for (ElfSymbol s : byAddress) {
            moved.add(new ElfSymbol(s.name(), (s.address() + bias) & 0xffff_ffffL, s.size(), s.kind(), s.binding()));
        }
        return of(moved);
    }

    public boolean isEmpty() {
        return byAddress.isEmpty();
    }

    /** The address of {@code name}; a global symbol wins over a static one of the same name. */
    public OptionalLong address(String name) {
        return table.lookup(name).map(sym -> OptionalLong.of(sym.address())).orElse(OptionalLong.empty());
    }

    /** The symbol called {@code name} (for its size: {@code disas main} shows all of main). */
    public Optional<ElfSymbol> symbol(String name) {
        return table.lookup(name);
    }

    /**
     * The symbol {@code address} is in: the nearest one starting at or below it, if the address is
     * within its size, or within {@link #UNSIZED_REACH} of it when its size is 0. A sized symbol
     * the address is past does not name it (that would call a stack address
     * {@code stdin_storage+123456}), but one further down that encloses it still can.
     */
    public Optional<Location> locate(long address) {
        int index = table.indexAtOrBelow(address);
        if (index < 0) {
            return Optional.empty();
        }
        long nearest = byAddress.get(index).address();
        // Preferred symbol first among those at the nearest address (the list puts it last).
        for (int i = index; i >= 0 && byAddress.get(i).address() == nearest; i--) {
            ElfSymbol symbol = byAddress.get(i);
            if (symbol.size() > 0 ? symbol.contains(address) : address - nearest < UNSIZED_REACH) {
                return Optional.of(new Location(symbol, address - symbol.address()));
            }
        }
        for (int i = index, seen = 0; i >= 0 && seen < ENCLOSING_LOOKBACK; i--, seen++) {
            ElfSymbol symbol = byAddress.get(i);
            if (symbol.size() > 0 && symbol.contains(address)) {
                return Optional.of(new Location(symbol, address - symbol.address()));
            }
        }
        return Optional.empty();
    }

    /** {@code main+12}, {@code main} at its first byte, or an empty string when nothing names it. */
    public String label(long address) {
        return locate(address).map(Location::toString).orElse("");
    }

    /** Every name, sorted and without duplicates, for tab completion. */
    public List<String> names() {
        return names;
    }

    @Override
    public String toString() {
        return "Symbols[" + byAddress.size() + "]";
    }
}
