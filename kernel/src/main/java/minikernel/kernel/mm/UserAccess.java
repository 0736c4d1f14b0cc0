package minikernel.kernel.mm;

import static minikernel.cpu.PageTableEntry.PAGE_ACCESSED;
import static minikernel.cpu.PageTableEntry.PAGE_DIRTY;
import static minikernel.cpu.PageTableEntry.PAGE_PRESENT;
import static minikernel.cpu.PageTableEntry.PAGE_RW;
import static minikernel.cpu.PageTableEntry.PAGE_USER;

import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import minikernel.cpu.Access;
import minikernel.cpu.Cpu;
import minikernel.cpu.PageFaultHandler.Result;
import minikernel.cpu.PageTableEntry;
import minikernel.cpu.PhysicalMemory;

/**
 * The kernel reading and writing user memory: copy_from_user, copy_to_user, get_user, put_user and
 * strncpy_from_user of arch/x86/lib/usercopy.c. Every access goes through the task's own page
 * tables, faulting pages in exactly as the guest's own access would (demand paging, stack growth,
 * copy-on-write), and reports a bad pointer as false, which the system call turns into -EFAULT.
 * No access ever escapes the page tables into other memory.
 */
public final class UserAccess {
    private final PhysicalMemory ram;
    private final PageFault faults;
    private final Cpu cpu;

    public UserAccess(PhysicalMemory ram, PageFault faults, Cpu cpu) {
        this.ram = ram;
        this.faults = faults;
        this.cpu = cpu;
    }

    /**
     * The physical address of user byte {@code va} for a read or write by the kernel, faulting the
     * page in if needed; -1 if the access is not allowed (EFAULT).
     */
    public long translate(MmStruct mm, long va, boolean write) {
        if (va < 0 || va >= PageTables.TASK_SIZE) {
            return -1;
        }
        PageTables tables = mm.pageTables();
        int pte = tables.pte(va);
        if (!permits(pte, write)) {
            boolean wasPresent = (pte & PAGE_PRESENT) != 0;
            if (faults.handle(mm, va, write ? Access.WRITE : Access.READ) != Result.HANDLED) {
                return -1;
            }
            pte = tables.pte(va);
            if (!permits(pte, write)) {
                return -1;
            }
            if (wasPresent) {
                // copy-on-write repointed a PTE the guest may have cached: drop stale translations
                cpu.flushTlb();
            }
        }
        int updated = pte | PAGE_ACCESSED | (write ? PAGE_DIRTY : 0);
        if (updated != pte) {
            tables.setPte(va, updated);
        }
        return PageTableEntry.frame(pte) | (va & 0xfff);
    }

    private static boolean permits(int pte, boolean write) {
        return (pte & (PAGE_PRESENT | PAGE_USER)) == (PAGE_PRESENT | PAGE_USER) && (!write || (pte & PAGE_RW) != 0);
    }

    /** Checks that [va, va+length) may be read (or written) by faulting every page in: access_ok plus fault-in. */
    public boolean accessOk(MmStruct mm, long va, long length, boolean write) {
        if (length == 0) {
            return true;
        }
        if (length < 0 || va + length > PageTables.TASK_SIZE || va < 0) {
            return false;
        }
        for (long page = va & ~0xfffL; page < va + length; page += PhysicalMemory.PAGE_SIZE) {
            if (translate(mm, Math.max(page, va), write) < 0) {
                return false;
            }
        }
        return true;
    }

    public boolean copyFromUser(MmStruct mm, long va, byte[] into, int offset, int length) {
        for (int done = 0; done < length; ) {
            long pa = translate(mm, va + done, false);
            if (pa < 0) {
                return false;
            }
            int n = (int) Math.min(length - done, PhysicalMemory.PAGE_SIZE - (pa & 0xfff));
            ram.read(pa, into, offset + done, n);
            done += n;
        }
        return true;
    }

    public boolean copyToUser(MmStruct mm, long va, byte[] from, int offset, int length) {
        for (int done = 0; done < length; ) {
            long pa = translate(mm, va + done, true);
            if (pa < 0) {
                return false;
            }
            int n = (int) Math.min(length - done, PhysicalMemory.PAGE_SIZE - (pa & 0xfff));
            ram.write(pa, from, offset + done, n);
            done += n;
        }
        return true;
    }

    /**
     * Copies up to {@code length} user bytes into native memory, page by page, stopping at the
     * first page that cannot be read. Returns the bytes copied (0 if the first byte is bad).
     */
    public int copyFromUserToNative(MmStruct mm, long va, MemorySegment into, int length) {
        int done = 0;
        while (done < length) {
            long pa = translate(mm, va + done, false);
            if (pa < 0) {
                break;
            }
            int n = (int) Math.min(length - done, PhysicalMemory.PAGE_SIZE - (pa & 0xfff));
            MemorySegment.copy(ram.segment(), pa, into, done, n);
            done += n;
        }
        return done;
    }

    /** Copies native bytes to user memory page by page; returns the bytes copied before a bad page. */
    public int copyNativeToUser(MmStruct mm, long va, MemorySegment from, int length) {
        int done = 0;
        while (done < length) {
            long pa = translate(mm, va + done, true);
            if (pa < 0) {
                break;
            }
            int n = (int) Math.min(length - done, PhysicalMemory.PAGE_SIZE - (pa & 0xfff));
            MemorySegment.copy(from, done, ram.segment(), pa, n);
            done += n;
        }
        return done;
    }

    public boolean copyToUser(MmStruct mm, long va, byte[] from) {
        return copyToUser(mm, va, from, 0, from.length);
    }

    /** get_user of a 32-bit value; {@code Long.MIN_VALUE} on a bad pointer. */
    public long getUser32(MmStruct mm, long va) {
        if ((va & 0xfff) <= 0xffc) {
            long pa = translate(mm, va, false);
            return pa < 0 ? Long.MIN_VALUE : ram.getIntUnaligned(pa) & 0xffffffffL;
        }
        byte[] b = new byte[4];
        if (!copyFromUser(mm, va, b, 0, 4)) {
            return Long.MIN_VALUE;
        }
        return (b[0] & 0xff | (b[1] & 0xff) << 8 | (b[2] & 0xff) << 16 | (b[3] & 0xffL) << 24);
    }

    /** put_user of a 32-bit value; false on a bad pointer. */
    public boolean putUser32(MmStruct mm, long va, long value) {
        if ((va & 0xfff) <= 0xffc) {
            long pa = translate(mm, va, true);
            if (pa < 0) {
                return false;
            }
            ram.setIntUnaligned(pa, (int) value);
            return true;
        }
        byte[] b = {(byte) value, (byte) (value >> 8), (byte) (value >> 16), (byte) (value >> 24)};
        return copyToUser(mm, va, b);
    }

    /** Writes 32-bit values at consecutive addresses; false on a bad pointer. */
    public boolean putUser32s(MmStruct mm, long va, long... values) {
        byte[] b = new byte[4 * values.length];
        for (int i = 0; i < values.length; i++) {
            for (int k = 0; k < 4; k++) {
                b[4 * i + k] = (byte) (values[i] >>> 8 * k);
            }
        }
        return copyToUser(mm, va, b);
    }

    /** The outcome of {@link #strncpyFromUser}: a string, or why there is none. */
    public sealed interface UserString {
        record Ok(String value) implements UserString {
        }

        /** The pointer (or a byte before the terminating NUL) is not readable: EFAULT. */
        record Fault() implements UserString {
        }

        /** No NUL within the limit: ENAMETOOLONG for paths, E2BIG for exec arguments. */
        record TooLong() implements UserString {
        }
    }

    /** strncpy_from_user: a NUL-terminated string of at most {@code max} bytes before the NUL. */
    public UserString strncpyFromUser(MmStruct mm, long va, int max) {
        byte[] buf = new byte[Math.min(max, 256)];
        int length = 0;
        while (true) {
            long pa = translate(mm, va + length, false);
            if (pa < 0) {
                return new UserString.Fault();
            }
            int inPage = (int) (PhysicalMemory.PAGE_SIZE - (pa & 0xfff));
            for (int i = 0; i < inPage; i++) {
                byte b = ram.getByte(pa + i);
                if (b == 0) {
                    return new UserString.Ok(new String(buf, 0, length, StandardCharsets.UTF_8));
                }
                if (length == max) {
                    return new UserString.TooLong();
                }
                if (length == buf.length) {
                    buf = java.util.Arrays.copyOf(buf, Math.min(max, buf.length * 2));
                }
                buf[length++] = b;
            }
        }
    }
}
