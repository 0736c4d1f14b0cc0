package minikernel.kernel.inspect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import minikernel.cpu.PageTableEntry;
import minikernel.kernel.Kernel;
import minikernel.kernel.fs.proc.ProcFs;
import minikernel.kernel.futex.Futex;
import minikernel.kernel.mm.MmStruct;

/**
 * The debugger's {@code futex}: the futex hash's wait queues (kernel/futex/core.c), one per key
 * with its waiters in the order a FUTEX_WAKE takes them. A private key is (mm, address): the mm
 * named as share names it, and FUT_OFF_MMSHARED when the word was waited on without
 * FUTEX_PRIVATE_FLAG (glibc's pthread_join does that); the word's value now is read from guest RAM
 * through the page tables when its page is present. A shared key is (object, offset): the object
 * behind a MAP_SHARED|MAP_ANONYMOUS area, by the inode number /proc/PID/maps shows for it.
 */
public final class FutexView {
    private FutexView() {
    }

    public static String render(Kernel kernel) {
        ObjectNames names = ObjectNames.of(kernel);
        Map<Object, List<Futex.Waiter>> queues = kernel.futex().queues();
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<Object, List<Futex.Waiter>> e : queues.entrySet()) {
            rows.add(row(kernel, names, e.getKey(), e.getValue()));
        }
        rows.sort(Comparator.comparing(Row::sortKey));
        StringBuilder b = new StringBuilder();
        b.append("futex hash: ").append(rows.size()).append(rows.size() == 1 ? " queue" : " queues").append('\n');
        for (Row r : rows) {
            b.append(r.text);
        }
        return b.toString();
    }

    private record Row(String sortKey, String text) {
    }

    private static Row row(Kernel kernel, ObjectNames names, Object key, List<Futex.Waiter> waiters) {
        StringBuilder b = new StringBuilder();
        String sortKey;
        if (key instanceof Futex.PrivateKey k) {
            String mm = names.name(SharedObject.MM, k.mm());
            sortKey = String.format("0 %s %08x", mm, k.address());
            b.append(String.format("key %s 0x%08x %s", mm, k.address(),
                    k.mmShared() ? "(private memory, FUT_OFF_MMSHARED: waited on without FUTEX_PRIVATE_FLAG)"
                            : "(FUTEX_PRIVATE_FLAG)"));
            String value = word(k.mm(), k.address());
            b.append(value == null ? "" : ", *uaddr = " + value);
        } else if (key instanceof Futex.SharedKey k) {
            long ino = ProcFs.shmemIno(kernel, k.object());
            sortKey = String.format("1 %08d %08x", ino, k.offset());
            b.append(String.format("key shared object ino %d (/dev/zero (deleted)) offset 0x%x", ino, k.offset()));
        } else {
            sortKey = "2 " + key;
            b.append("key ").append(key);
        }
        b.append('\n');
        for (Futex.Waiter w : waiters) {
            b.append(String.format("  waiter %s bitset 0x%08x%s%s%n", Views.task(w.task()), w.bitset(),
                    w.deadline() < 0 ? "" : String.format(" timeout at %d ns", w.deadline()),
                    w.woken() ? " (woken)" : ""));
        }
        return new Row(sortKey, b.toString());
    }

    /** The 32-bit word at {@code address}, read through the page tables as the MMU would; null if not present. */
    private static String word(MmStruct mm, long address) {
        int pte = mm.pageTables().pte(address);
        if (!PageTableEntry.present(pte) || (address & 3) != 0) {
            return null;
        }
        int v = mm.frames().ram().getInt(PageTableEntry.frame(pte) + (address & 0xfff));
        return Integer.toString(v);
    }
}
