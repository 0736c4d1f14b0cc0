package minikernel.tools.debug;

/**
 * A task's memory as the debugger reads it: through the task's page tables, so an address is a
 * guest virtual address and a page that is not mapped reads as nothing.
 */
public interface GuestMemory {
    /**
     * The {@code length} bytes at {@code address}, or null if any of them is unmapped (a partial
     * read would let {@code x} print garbage after the hole, so there is none).
     */
    byte[] read(long address, int length);
}
