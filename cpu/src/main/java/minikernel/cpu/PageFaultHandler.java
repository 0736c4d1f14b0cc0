package minikernel.cpu;

/**
 * The kernel's page-fault handler, called by the {@link Mmu} when a guest access finds no usable
 * page-table entry (not present, or a write to a read-only page, or a fetch from a no-execute page).
 * It runs inside the TLB-fill callback, so it may change page tables and allocate frames, but must
 * never call into the engine.
 */
@FunctionalInterface
public interface PageFaultHandler {

    /** The outcome, as Linux's VM_FAULT_* and si_code values tell them apart. */
    enum Result {
        /** The page tables now allow the access: retry the walk. */
        HANDLED,
        /** No mapping at that address: SIGSEGV with si_code SEGV_MAPERR. */
        SEGV_MAPERR,
        /** A mapping that forbids this access: SIGSEGV with si_code SEGV_ACCERR. */
        SEGV_ACCERR,
        /** A file-backed page beyond the end of its file: SIGBUS. */
        SIGBUS,
        /** No memory left for the page: the task is killed. */
        OOM
    }

    /** Mirrors the role of handle_mm_fault() in mm/memory.c for a user-mode fault at {@code address}. */
    Result handlePageFault(long address, Access access);
}
