package minikernel.kernel.mm;

import java.util.HashMap;
import java.util.Map;

/**
 * The memory behind a MAP_SHARED|MAP_ANONYMOUS mapping: Linux backs it with a file on its internal
 * tmpfs (mm/shmem.c), so every mapping of it, in the parent and in every forked child, finds the
 * same page at the same offset. Here it is a map from page offset to frame, holding one reference
 * on each frame, and counted by the areas that map it.
 */
public final class Shmem {
    private final FrameAllocator frames;
    private final Map<Long, Long> pages = new HashMap<>();   // page offset -> frame
    private int mappings = 1;                                // VMAs that map this object

    Shmem(FrameAllocator frames) {
        this.frames = frames;
    }

    /** shmem_get_folio(): the frame at page {@code pgoff}, allocated zeroed on first use; -1 if out of memory. */
    long page(long pgoff) {
        Long f = pages.get(pgoff);
        if (f != null) {
            return f;
        }
        long frame = frames.allocPage();
        if (frame >= 0) {
            pages.put(pgoff, frame);
        }
        return frame;
    }

    /** One more area maps this object (fork, a split). */
    Shmem get() {
        mappings++;
        return this;
    }

    /** An area that mapped it is gone; the last one releases the pages. */
    void put() {
        if (--mappings == 0) {
            for (long frame : pages.values()) {
                frames.putPage(frame);
            }
            pages.clear();
        }
    }
}
