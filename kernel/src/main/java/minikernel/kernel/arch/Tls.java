package minikernel.kernel.arch;

import minikernel.cpu.Gdt;
import minikernel.cpu.SegmentDescriptor;
import minikernel.kernel.mm.UserAccess;
import minikernel.kernel.sched.Task;
import minikernel.kernel.syscall.Errno;

/**
 * Thread-local storage descriptors: set_thread_area(2) and get_thread_area(2), as
 * arch/x86/kernel/tls.c implements them. A task owns three GDT entries (12, 13, 14); the scheduler
 * writes them into the GDT whenever the task runs. glibc asks for entry -1 ("any free one") and
 * loads %gs with the entry it gets back.
 */
public final class Tls {
    private Tls() {
    }

    /** struct user_desc: entry_number, base_addr, limit, then a word of flag bits. */
    private static final int USER_DESC_SIZE = 16;

    /** set_thread_area(u_info). */
    public static long setThreadArea(Task current, long uInfo) {
        long r = setThreadAreaFor(current, current, uInfo, true);
        if (r == 0) {
            current.kernel().cpu().loadTls(current.tls());
        }
        return r;
    }

    /**
     * do_set_thread_area() for {@code target}: the calling task's own, or a child being created
     * with CLONE_SETTLS (whose user_desc is read from the caller's memory). Only set_thread_area
     * may ask for a free entry with -1 ({@code canAllocate}); for clone the entry must be given.
     */
    public static long setThreadAreaFor(Task current, Task target, long uInfo, boolean canAllocate) {
        UserAccess ua = current.kernel().userAccess();
        byte[] d = new byte[USER_DESC_SIZE];
        if (!ua.copyFromUser(current.mm(), uInfo, d, 0, d.length)) {
            return Errno.EFAULT.negative();
        }
        int entry = word(d, 0);
        long base = word(d, 4) & 0xffffffffL;
        int limit = word(d, 8);
        int bits = word(d, 12);
        if (entry == -1 && canAllocate) {
            entry = freeEntry(target);
            if (entry < 0) {
                return Errno.ESRCH.negative();
            }
            if (!ua.putUser32(current.mm(), uInfo, entry)) {
                return Errno.EFAULT.negative();
            }
        }
        if (entry < Gdt.TLS_MIN || entry > Gdt.TLS_MAX) {
            return Errno.EINVAL.negative();
        }
        int contents = bits >>> 1 & 3;
        boolean lm = (bits >>> 7 & 1) != 0;
        if (contents == 3 && (bits >>> 5 & 1) == 0 || lm) {
            // tls_desc_okay(): no conforming code segments, no 64-bit segments for a 32-bit task
            return Errno.EINVAL.negative();
        }
        target.tls()[entry - Gdt.TLS_MIN] = isEmptyDesc(base, limit, bits) ? SegmentDescriptor.EMPTY
                : fillLdt(base, limit, bits);
        return 0;
    }

    /** get_thread_area(u_info): the descriptor of entry u_info->entry_number, back in user_desc form. */
    public static long getThreadArea(Task current, long uInfo) {
        UserAccess ua = current.kernel().userAccess();
        long entry = ua.getUser32(current.mm(), uInfo);
        if (entry == Long.MIN_VALUE) {
            return Errno.EFAULT.negative();
        }
        int idx = (int) entry;
        if (idx < Gdt.TLS_MIN || idx > Gdt.TLS_MAX) {
            return Errno.EINVAL.negative();
        }
        SegmentDescriptor s = current.tls()[idx - Gdt.TLS_MIN];
        int bits = (s.bits32() ? 1 : 0) | (s.type() >>> 2 & 3) << 1 | ((s.type() & 2) == 0 ? 1 : 0) << 3
                | (s.pageGranular() ? 1 : 0) << 4 | (s.present() ? 0 : 1) << 5 | (s.available() ? 1 : 0) << 6;
        if (s.isEmpty()) {
            bits = 1 << 3 | 1 << 5;   // read_exec_only and seg_not_present, as fill_user_desc reports an empty one
        }
        return ua.putUser32s(current.mm(), uInfo, idx, s.base(), s.limit(), bits) ? 0 : Errno.EFAULT.negative();
    }

    private static int freeEntry(Task t) {
        for (int i = 0; i < Gdt.TLS_ENTRIES; i++) {
            if (t.tls()[i].isEmpty()) {
                return Gdt.TLS_MIN + i;
            }
        }
        return -1;
    }

    /** LDT_empty(): a descriptor that clears the entry. */
    private static boolean isEmptyDesc(long base, int limit, int bits) {
        boolean readExecOnly = (bits >>> 3 & 1) != 0, notPresent = (bits >>> 5 & 1) != 0;
        int contents = bits >>> 1 & 3;
        boolean seg32 = (bits & 1) != 0, pages = (bits >>> 4 & 1) != 0, useable = (bits >>> 6 & 1) != 0;
        return base == 0 && limit == 0 && contents == 0 && readExecOnly && !seg32 && notPresent && !pages && !useable
                || base == 0 && limit == 0 && bits == 0;
    }

    /** fill_ldt(): user_desc fields to a ring-3 descriptor, accessed bit preset. */
    private static SegmentDescriptor fillLdt(long base, int limit, int bits) {
        int readExecOnly = bits >>> 3 & 1;
        int contents = bits >>> 1 & 3;
        int type = (readExecOnly ^ 1) << 1 | contents << 2 | 1;
        return new SegmentDescriptor(base, limit & 0xfffff, type, true, 3, (bits >>> 5 & 1) == 0,
                (bits >>> 6 & 1) != 0, (bits & 1) != 0, (bits >>> 4 & 1) != 0);
    }

    private static int word(byte[] b, int o) {
        return b[o] & 0xff | (b[o + 1] & 0xff) << 8 | (b[o + 2] & 0xff) << 16 | (b[o + 3] & 0xff) << 24;
    }
}
