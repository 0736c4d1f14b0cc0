package minikernel.tools.debug;

import minikernel.cpu.PageTableEntry;
import minikernel.cpu.PhysicalMemory;
import minikernel.kernel.mm.MmStruct;

/**
 * A task's memory read the way its MMU would: walk the mm's page tables in guest RAM and read the
 * frames. Nothing is faulted in (a page the task has not touched yet reads as unmapped) and nothing
 * goes through the emulator, so looking never changes what the guest does next.
 */
public final class TaskMemory implements GuestMemory {
    private final PhysicalMemory ram;
    private final MmStruct mm;

    public TaskMemory(PhysicalMemory ram, MmStruct mm) {
        this.ram = ram;
        this.mm = mm;
    }

    @Override
    public byte[] read(long address, int length) {
        if (mm == null || length < 0 || address < 0 || address + length > 0x1_0000_0000L) {
            return null;
        }
        byte[] out = new byte[length];
        int done = 0;
        while (done < length) {
            long va = address + done;
            int pte = mm.pageTables().pte(va);
            if (!PageTableEntry.present(pte)) {
                return null;
            }
            int chunk = (int) Math.min(length - done, 4096 - (va & 0xfff));
            ram.read(PageTableEntry.frame(pte) + (va & 0xfff), out, done, chunk);
            done += chunk;
        }
        return out;
    }
}
