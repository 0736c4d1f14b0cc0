package minikernel.tools.debug;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;
import minikernel.kernel.exec.ElfException;
import minikernel.kernel.exec.ElfFile;
import minikernel.kernel.exec.ElfSymbol;

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

    /** Address order; at one address the symbol to print comes last (see {@link #preference}). */
    private final List<ElfSymbol> byAddress;
    private final Map<String, ElfSymbol> byName;
    private final List<String> names;

    private Symbols(Collection<ElfSymbol> symbols) {
        List<ElfSymbol> sorted = new ArrayList<>(symbols);
        sorted.sort(Comparator.comparingLong(ElfSymbol::address)
                .thenComparingInt(Symbols::preference)
                .thenComparing(ElfSymbol::name, Comparator.reverseOrder()));
        this.byAddress = List.copyOf(sorted);
        Map<String, ElfSymbol> named = new HashMap<>();
        for (ElfSymbol symbol : sorted) {
            named.merge(symbol.name(), symbol,
                    (old, candidate) -> preference(candidate) > preference(old) ? candidate : old);
        }
        this.byName = Map.copyOf(named);
        this.names = List.copyOf(new TreeSet<>(named.keySet()));
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
        ElfSymbol symbol = byName.get(name);
        return symbol == null ? OptionalLong.empty() : OptionalLong.of(symbol.address());
    }

    /** The symbol called {@code name} (for its size: {@code disas main} shows all of main). */
    public Optional<ElfSymbol> symbol(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /**
     * The symbol {@code address} is in: the nearest one starting at or below it, if the address is
     * within its size, or within {@link #UNSIZED_REACH} of it when its size is 0. A sized symbol
     * the address is past does not name it (that would call a stack address
     * {@code stdin_storage+123456}), but one further down that encloses it still can.
     */
    public Optional<Location> locate(long address) {
        int index = nearestAtOrBelow(address);
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

    private int nearestAtOrBelow(long address) {
        int low = 0;
        int high = byAddress.size() - 1;
        int found = -1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (byAddress.get(mid).address() <= address) {
                found = mid;
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return found;
    }

    /**
     * Which of several symbols at one address to print, as the kernel's ElfSymbolTable chooses:
     * global beats weak beats local, a function an object, a sized symbol an unsized one.
     */
    private static int preference(ElfSymbol symbol) {
        int binding = switch (symbol.binding()) {
            case GLOBAL -> 2;
            case WEAK -> 1;
            case LOCAL -> 0;
        };
        return binding * 4 + (symbol.kind() == ElfSymbol.Kind.FUNC ? 2 : 0) + (symbol.size() > 0 ? 1 : 0);
    }

    @Override
    public String toString() {
        return "Symbols[" + byAddress.size() + "]";
    }
}
