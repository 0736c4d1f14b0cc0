package minikernel.tools.debug;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import minikernel.cpu.DebugHook;
import minikernel.cpu.PageTableEntry;
import minikernel.kernel.Kernel;
import minikernel.kernel.mm.MmStruct;
import minikernel.kernel.sched.Task;

/**
 * The session's watchpoints (watch, rwatch) and what the code hook needs of them: the frames
 * behind the watched ranges, found again whenever a mapping may have moved, and the reports gdb
 * prints when one fires. A watchpoint belongs to a task's address space, looked up by pid in the
 * current run (a replay is a new kernel).
 */
final class Watchpoints {
    private final List<Watchpoint> list = new ArrayList<>();
    private Watchpoint lastFired;               // the one changes() or readBy() last reported

    Watchpoint lastFired() {
        return lastFired;
    }

    List<Watchpoint> list() {
        return list;
    }

    /** A new watchpoint numbered {@code number} on {@code focus}'s bytes at {@code address}. */
    Watchpoint add(int number, Kernel kernel, Task focus, long address, int length, String what, boolean read)
            throws DebugException {
        if (list.size() >= DebugHook.MAX_WATCHES) {
            throw new DebugException("too many watchpoints (" + DebugHook.MAX_WATCHES + " at most)");
        }
        if (length < 1 || length > DebugHook.MAX_WATCH_LENGTH || (address & 0xfff) + length > 4096) {
            throw new DebugException("a watchpoint covers 1 to " + DebugHook.MAX_WATCH_LENGTH
                    + " bytes within one page");
        }
        byte[] now = new TaskMemory(kernel.ram(), focus.mm()).read(address, length);
        if (now == null) {
            throw new DebugException(String.format("Cannot access memory at address 0x%x (not mapped yet:"
                    + " watch it once the program has touched it)", address));
        }
        Watchpoint w = new Watchpoint(number, address, length, what, focus.pid(), now);
        w.run = kernel;
        w.read = read;
        list.add(w);
        return w;
    }

    /**
     * The frames behind the watched ranges, for the hook: found again at every stop, after every
     * page fault and system call (copy on write and munmap move or drop them).
     */
    void resolve(Kernel kernel, DebugHook hook) {
        List<Long> physical = new ArrayList<>(), readPhysical = new ArrayList<>();
        List<Integer> lengths = new ArrayList<>(), readLengths = new ArrayList<>();
        for (Watchpoint w : list) {
            MmStruct mm = mm(kernel, w);
            w.physical = -1;
            if (mm == null || mm.mmUsers() <= 0) {
                continue;
            }
            int pte = mm.pageTables().pte(w.address);
            if (!PageTableEntry.present(pte)) {
                continue;
            }
            w.physical = PageTableEntry.frame(pte) + (w.address & 0xfff);
            if (w.read) {
                readPhysical.add(w.physical);
                readLengths.add(w.length);
                continue;
            }
            if (w.run != kernel) {
                // First armed in this run (a replay starts from the beginning): its value now.
                w.run = kernel;
                w.value = read(kernel, w);
            }
            physical.add(w.physical);
            lengths.add(w.length);
        }
        hook.setWatches(physical.stream().mapToLong(Long::longValue).toArray(),
                lengths.stream().mapToInt(Integer::intValue).toArray());
        hook.setReadWatches(readPhysical.stream().mapToLong(Long::longValue).toArray(),
                readLengths.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Which watched ranges changed, with their old and new values (gdb's words); null if none did. */
    String changes(Kernel kernel) {
        StringBuilder b = new StringBuilder();
        for (Watchpoint w : list) {
            byte[] now = w.read ? null : read(kernel, w);
            if (now != null && !Arrays.equals(now, w.value)) {
                w.hits++;
                lastFired = w;
                b.append(String.format("%nWatchpoint %d: %s%n%nOld value = %s%nNew value = %s", w.number, w.what,
                        value(w.value), value(now)));
                w.value = now;
            }
        }
        return b.isEmpty() ? null : b.toString();
    }

    /** The read watchpoint whose bytes the last watched read touched, in gdb's words; or null. */
    String readBy(Kernel kernel, long physical) {
        for (Watchpoint w : list) {
            if (w.read && w.physical >= 0 && physical < w.physical + w.length && physical + 8 > w.physical) {
                w.hits++;
                lastFired = w;
                byte[] now = read(kernel, w);
                return String.format("%nRead watchpoint %d: %s%n%nValue = %s", w.number, w.what,
                        now == null ? "?" : value(now));
            }
        }
        return null;
    }

    /** True if a watched value differs from the one last seen (and remembers the new one). */
    boolean changed(Kernel kernel) {
        boolean changed = false;
        for (Watchpoint w : list) {
            byte[] now = read(kernel, w);
            if (now != null && !Arrays.equals(now, w.value)) {
                w.value = now;
                changed = true;
            }
        }
        return changed;
    }

    /** After a replay the watched values are those of the new run, at this moment. */
    void refresh(Kernel kernel) {
        for (Watchpoint w : list) {
            byte[] now = read(kernel, w);
            if (now != null) {
                w.value = now;
            }
        }
    }

    private static byte[] read(Kernel kernel, Watchpoint w) {
        MmStruct mm = mm(kernel, w);
        return mm == null ? null : new TaskMemory(kernel.ram(), mm).read(w.address, w.length);
    }

    /** The address space a watchpoint watches in this run: its task's. */
    private static MmStruct mm(Kernel kernel, Watchpoint w) {
        Task t = kernel.scheduler().findTask(w.pid);
        return t == null ? null : t.mm();
    }

    /** A watched value: a number for 1, 2 and 4 bytes (little-endian), bytes in hex otherwise. */
    static String value(byte[] v) {
        if (v.length == 1 || v.length == 2 || v.length == 4) {
            long x = 0;
            for (int i = v.length - 1; i >= 0; i--) {
                x = x << 8 | (v[i] & 0xff);
            }
            long signed = v.length == 4 ? (int) x : v.length == 2 ? (short) x : (byte) x;
            return String.valueOf(signed);
        }
        StringBuilder b = new StringBuilder("{");
        for (byte x : v) {
            b.append(b.length() > 1 ? ", " : "").append(String.format("0x%02x", x & 0xff));
        }
        return b.append('}').toString();
    }
}
