package minikernel.tools.debug;

/** A task's memory as the debugger reads it (through the task's page tables); null/empty where unmapped. */
public interface GuestMemory {
    /** null if any byte is unmapped. */
    byte[] read(long address, int length);
}
