package minikernel.tools.debug;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code bt}: the call chain found by following saved frame pointers, as gdb does for code
 * without debug information. Every function compiled with a frame pointer starts with
 * {@code push %ebp; mov %esp,%ebp}, so in its body {@code [ebp]} holds the caller's ebp and
 * {@code [ebp+4]} the return address into the caller.
 *
 * <p>Frame #0 is at $eip. If eip is still on one of those two prologue instructions the frame
 * is not built yet: at {@code push %ebp} the return address is at {@code [esp]} and ebp is
 * still the caller's; at {@code mov %esp,%ebp} it is at {@code [esp+4]} and the caller's ebp at
 * {@code [esp]}. Likewise at {@code ret}, after {@code leave} has undone the frame, the return
 * address is at {@code [esp]}.
 *
 * <p>The walk stops at ebp 0 (_start clears it: the outermost frame), at memory that cannot be
 * read, at a saved ebp that does not go up the stack (a corrupt or foreign frame, which could
 * loop), or after {@link #MAX_FRAMES} frames.
 */
public final class Backtrace {
    /** The most frames shown, so that a corrupt chain cannot print forever. */
    public static final int MAX_FRAMES = 64;

    private final GuestMemory memory;
    private final RegisterFile registers;
    private final Symbols symbols;

    /** One frame: its number (0 innermost) and the address it is executing, or will return to. */
    public record Frame(int level, long pc) {
    }

    /** The frames, and why the walk stopped early (empty when it reached the outermost frame). */
    public record Chain(List<Frame> frames, Optional<String> stopReason) {
        public Chain {
            frames = List.copyOf(frames);
        }
    }

    public Backtrace(GuestMemory memory, RegisterFile registers, Symbols symbols) {
        this.memory = Objects.requireNonNull(memory, "memory");
        this.registers = Objects.requireNonNull(registers, "registers");
        this.symbols = Objects.requireNonNull(symbols, "symbols");
    }

    /** The frames from the current registers and stack. */
    public Chain walk() {
        List<Frame> frames = new ArrayList<>();
        long eip = registers.get("eip") & Words.ADDRESS_MASK;
        long esp = registers.get("esp") & Words.ADDRESS_MASK;
        long ebp = registers.get("ebp") & Words.ADDRESS_MASK;
        frames.add(new Frame(0, eip));
        try {
            // Frame #0 before its frame exists (prologue) or after it is gone (ret).
            byte[] code = Words.prefix(memory, eip, 2);
            int first = code.length > 0 ? code[0] & 0xff : -1;
            int second = code.length > 1 ? code[1] & 0xff : -1;
            boolean movEspEbp = (first == 0x89 && second == 0xe5) || (first == 0x8b && second == 0xec);
            if (first == 0x55 || first == 0xc3) {          // push %ebp / ret
                frames.add(new Frame(1, Words.word(memory, esp)));
            } else if (movEspEbp) {                        // mov %esp,%ebp (either encoding)
                frames.add(new Frame(1, Words.word(memory, esp + 4)));
                long callers = Words.word(memory, esp);
                if (callers != 0 && callers <= esp) {
                    return new Chain(frames, Optional.of(corrupt()));
                }
                ebp = callers;
            }
            while (frames.size() < MAX_FRAMES) {
                if (ebp == 0) {
                    return new Chain(frames, Optional.empty());
                }
                long returnAddress = Words.word(memory, ebp + 4);
                long callers = Words.word(memory, ebp);
                if (returnAddress == 0) {
                    return new Chain(frames, Optional.empty());
                }
                frames.add(new Frame(frames.size(), returnAddress));
                if (callers != 0 && callers <= ebp) {
                    return new Chain(frames, Optional.of(corrupt()));
                }
                ebp = callers;
            }
            return new Chain(frames, ebp == 0 ? Optional.empty() : Optional.of("(More stack frames follow...)"));
        } catch (DebugException unreadable) {
            return new Chain(frames, Optional.of("Backtrace stopped: " + unreadable.getMessage()));
        }
    }

    /** The {@code bt} output: {@code #0  0x08049a1c in worker+12 ()}, one frame a line. */
    public String format() {
        Chain chain = walk();
        List<String> lines = new ArrayList<>();
        for (Frame frame : chain.frames()) {
            lines.add(line(frame));
        }
        chain.stopReason().ifPresent(lines::add);
        return String.join("\n", lines);
    }

    /** One frame as gdb prints it; {@code ??} where no symbol names the address. */
    public String line(Frame frame) {
        String level = String.valueOf(frame.level());
        String label = symbols.label(frame.pc());
        return "#" + level + " ".repeat(Math.max(1, 3 - level.length())) + Words.hex8(frame.pc())
                + " in " + (label.isEmpty() ? "??" : label) + " ()";
    }

    private static String corrupt() {
        return "Backtrace stopped: previous frame inner to this frame (corrupt stack?)";
    }
}
