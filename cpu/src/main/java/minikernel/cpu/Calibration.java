package minikernel.cpu;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import minikernel.cpu.unicorn.Unicorn;

/**
 * Finds two fields of QEMU's CPU state inside a saved {@code uc_context}, whose offsets differ
 * between Unicorn builds, by watching them change at power-on (DESIGN.md, "Unicorn bug"):
 * <ul>
 * <li>{@code old_exception}: Unicorn never resets it after a hooked #DE or #GP, so the next such
 * fault would arrive as a double fault and the one after as a silent triple fault. The CPU writes -1
 * into it after every fault.
 * <li>{@code exception_is_int}: 1 when the interrupt came from an {@code int n} instruction; tells
 * {@code int $13} from a real #GP and {@code int $0} from #DE.
 * </ul>
 * The probe runs ring-0 code in the kernel page: {@code div %ecx} with ECX = 0 twice (vector 0,
 * then the second promoted to #DF, vector 8), once more after a reset (vector 0 again), then
 * {@code int $0x80}. If a field is not found exactly once the kernel refuses to start: running
 * without it would turn a guest's second fault into a hang.
 */
final class Calibration {
    private final Unicorn engine;
    private final MemorySegment scratch;
    private final int oldExceptionOffset;
    private final int exceptionIsIntOffset;

    /** Runs ring-0 code at an address until its first interrupt; returns the context saved in the hook. */
    interface RingZero {
        byte[] runToInterrupt(long eip, List<Integer> vectors);
    }

    Calibration(Unicorn engine, MemorySegment scratch, RingZero cpu) {
        this.engine = engine;
        this.scratch = scratch;
        byte[] before = snapshot(engine, scratch);
        long div = KernelPage.VIRTUAL + KernelPage.CALIBRATION_CODE;
        List<Integer> vectors = new ArrayList<>();
        byte[] first = cpu.runToInterrupt(div, vectors);
        byte[] second = cpu.runToInterrupt(div, vectors);
        oldExceptionOffset = unique("old_exception", before.length - 4,
                o -> i32(before, o) == -1 && i32(first, o) == 0 && i32(second, o) == 8);
        resetOldException();
        byte[] divide = cpu.runToInterrupt(div, vectors);
        resetOldException();
        byte[] software = cpu.runToInterrupt(div + 2, vectors);
        if (!vectors.equals(List.of(0, 8, 0, 0x80))) {
            throw new IllegalStateException("CPU calibration: the probe raised vectors " + vectors
                    + " instead of [0, 8, 0, 128]; this Unicorn does not behave as 2.1.x does");
        }
        // exception_is_int (an int) sits just before exception_next_eip (64-bit): 0 and the div's own
        // address after #DE; 1 and the address after the 2-byte instruction after int $0x80.
        exceptionIsIntOffset = unique("exception_next_eip", before.length - 8, o -> o >= 4
                && i64(divide, o) == div && i64(software, o) == div + 4
                && i32(divide, o - 4) == 0 && i32(software, o - 4) == 1) - 4;
    }

    /** Writes -1 into old_exception (after every hooked #DE or #GP). */
    void resetOldException() {
        engine.contextSave(scratch);
        scratch.set(JAVA_INT_UNALIGNED, oldExceptionOffset, -1);
        engine.contextRestore(scratch);
    }

    /** True if the interrupt being reported came from an {@code int n} instruction. */
    boolean exceptionIsInt() {
        engine.contextSave(scratch);
        return scratch.get(JAVA_INT_UNALIGNED, exceptionIsIntOffset) != 0;
    }

    static byte[] snapshot(Unicorn engine, MemorySegment scratch) {
        engine.contextSave(scratch);
        return scratch.toArray(JAVA_BYTE);
    }

    private static int unique(String field, int limit, IntPredicate test) {
        int found = -1, count = 0;
        for (int o = 0; o <= limit; o += 4) {
            if (test.test(o)) {
                found = o;
                count++;
            }
        }
        if (count != 1) {
            throw new IllegalStateException("CPU calibration: found " + count + " candidates for QEMU's "
                    + field + " in a uc_context; this Unicorn build is not supported");
        }
        return found;
    }

    private static int i32(byte[] b, int o) {
        return MemorySegment.ofArray(b).get(JAVA_INT_UNALIGNED, o);
    }

    private static long i64(byte[] b, int o) {
        return MemorySegment.ofArray(b).get(JAVA_LONG_UNALIGNED, o);
    }
}
