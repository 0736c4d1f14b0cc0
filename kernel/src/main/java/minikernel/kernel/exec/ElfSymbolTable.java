package minikernel.kernel.exec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The functions and objects of a program's {@code .symtab}, for the debugger's
 * {@code break SYMBOL} and for backtraces. The kernel itself never needs symbols (Linux's
 * loader reads no section headers), so reading them is tolerant: a stripped binary, or
 * section headers that are missing, truncated or inconsistent, give an empty table rather
 * than an error, and a single bad symbol is skipped.
 */
public final class ElfSymbolTable {
    private static final int SHDR_SIZE = 40;
    private static final int SYM_SIZE = 16;
    private static final int SHT_SYMTAB = 2;
    private static final int SHT_STRTAB = 3;
    private static final int SHN_UNDEF = 0;
    private static final int SHN_LORESERVE = 0xff00;
    private static final int STT_OBJECT = 1;
    private static final int STT_FUNC = 2;

    private static final ElfSymbolTable EMPTY = new ElfSymbolTable(List.of());

    /** Address order; at one address the symbol to print comes last (see {@link #preference}). */
    private final List<ElfSymbol> byAddress;
    private final Map<String, ElfSymbol> byName;

    private ElfSymbolTable(List<ElfSymbol> symbols) {
        List<ElfSymbol> sorted = new ArrayList<>(symbols);
        sorted.sort(Comparator.comparingLong(ElfSymbol::address)
                .thenComparingInt(ElfSymbolTable::preference)
                .thenComparing(ElfSymbol::name, Comparator.reverseOrder()));
        this.byAddress = List.copyOf(sorted);
        Map<String, ElfSymbol> names = new HashMap<>();
        for (ElfSymbol symbol : symbols) {
            names.merge(symbol.name(), symbol,
                    (old, candidate) -> preference(candidate) > preference(old) ? candidate : old);
        }
        this.byName = Map.copyOf(names);
    }

    /** All symbols, in address order. */
    public List<ElfSymbol> symbols() {
        return byAddress;
    }

    public boolean isEmpty() {
        return byAddress.isEmpty();
    }

    /** A table of these symbols (the debugger's tests, a table moved by a load bias). */
    public static ElfSymbolTable of(List<ElfSymbol> symbols) {
        return symbols.isEmpty() ? EMPTY : new ElfSymbolTable(symbols);
    }

    /** The symbol that starts closest at or below {@code address}. */
    public Optional<ElfSymbol> nearestAtOrBelow(long address) {
        int found = indexAtOrBelow(address);
        return found < 0 ? Optional.empty() : Optional.of(byAddress.get(found));
    }

    /** Its index in {@link #symbols()} (-1 if none): callers that look further down start there. */
    public int indexAtOrBelow(long address) {
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

    /** The symbol named {@code name}; a global one wins over a static one of the same name. */
    public Optional<ElfSymbol> lookup(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Global beats weak beats local, a function beats an object, a sized symbol an unsized one. */
    private static int preference(ElfSymbol symbol) {
        int binding = switch (symbol.binding()) {
            case GLOBAL -> 2;
            case WEAK -> 1;
            case LOCAL -> 0;
        };
        return binding * 4 + (symbol.kind() == ElfSymbol.Kind.FUNC ? 2 : 0) + (symbol.size() > 0 ? 1 : 0);
    }

    /** The table of {@code file}, or an empty one when it has none that can be read. */
    static ElfSymbolTable read(ElfBytes file, ElfHeader header) {
        try {
            return readSymtab(file, header);
        } catch (ElfException malformed) {
            return EMPTY;
        }
    }

    private static ElfSymbolTable readSymtab(ElfBytes file, ElfHeader header) throws ElfException {
        long shoff = header.shoff();
        if (shoff == 0 || header.shentsize() != SHDR_SIZE) {
            return EMPTY;
        }
        long shnum = header.shnum();
        if (shnum == 0) {
            // Extended numbering (more than 0xff00 sections): the count is section 0's sh_size.
            shnum = file.u32(shoff + 20, "sh_size of section 0");
        }
        if (!file.contains(shoff, shnum * SHDR_SIZE)) {
            return EMPTY;
        }
        for (long i = 0; i < shnum; i++) {
            long shdr = shoff + i * SHDR_SIZE;
            if (file.u32(shdr + 4, "sh_type") == SHT_SYMTAB) {
                return readSymbols(file, shoff, shnum, shdr);
            }
        }
        return EMPTY;
    }

    private static ElfSymbolTable readSymbols(ElfBytes file, long shoff, long shnum, long symtab) throws ElfException {
        long symOffset = file.u32(symtab + 16, "sh_offset");
        long symSize = file.u32(symtab + 20, "sh_size");
        long link = file.u32(symtab + 24, "sh_link");
        long entsize = file.u32(symtab + 36, "sh_entsize");
        if (entsize != SYM_SIZE || link >= shnum || !file.contains(symOffset, symSize)) {
            return EMPTY;
        }
        long strtab = shoff + link * SHDR_SIZE;
        long strOffset = file.u32(strtab + 16, "sh_offset");
        long strSize = file.u32(strtab + 20, "sh_size");
        if (file.u32(strtab + 4, "sh_type") != SHT_STRTAB || !file.contains(strOffset, strSize)) {
            return EMPTY;
        }
        List<ElfSymbol> symbols = new ArrayList<>();
        for (long sym = symOffset; sym + SYM_SIZE <= symOffset + symSize; sym += SYM_SIZE) {
            long nameIndex = file.u32(sym, "st_name");
            int info = file.u8(sym + 12, "st_info");
            int shndx = file.u16(sym + 14, "st_shndx");
            ElfSymbol.Kind kind = switch (info & 0xf) {
                case STT_FUNC -> ElfSymbol.Kind.FUNC;
                case STT_OBJECT -> ElfSymbol.Kind.OBJECT;
                default -> null;
            };
            ElfSymbol.Binding binding = switch (info >> 4) {
                case 0 -> ElfSymbol.Binding.LOCAL;
                case 1 -> ElfSymbol.Binding.GLOBAL;
                case 2 -> ElfSymbol.Binding.WEAK;
                default -> null;
            };
            boolean defined = shndx != SHN_UNDEF && shndx < SHN_LORESERVE;
            if (kind == null || binding == null || !defined || nameIndex >= strSize) {
                continue;
            }
            String name = file.cString(strOffset + nameIndex, strSize - nameIndex);
            if (name == null || name.isEmpty()) {
                continue;
            }
            long value = file.u32(sym + 4, "st_value");
            symbols.add(new ElfSymbol(name, value, file.u32(sym + 8, "st_size"), kind, binding));
        }
        return symbols.isEmpty() ? EMPTY : new ElfSymbolTable(symbols);
    }
}
