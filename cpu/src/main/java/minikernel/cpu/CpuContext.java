package minikernel.cpu;

import java.lang.foreign.MemorySegment;

/**
 * A saved CPU state (a {@code uc_context}: general, segment, FPU and SSE registers, and the
 * privilege level), the part of a task's {@code thread_struct} the hardware holds. About 5.5 KB of
 * native memory: {@link Cpu#freeContext} it when the task is reaped.
 */
public final class CpuContext {
    private MemorySegment segment;

    CpuContext(MemorySegment segment) {
        this.segment = segment;
    }

    MemorySegment segment() {
        if (segment == null) {
            throw new IllegalStateException("CPU context used after it was freed");
        }
        return segment;
    }

    boolean isFreed() {
        return segment == null;
    }

    MemorySegment release() {
        MemorySegment s = segment();
        segment = null;
        return s;
    }
}
