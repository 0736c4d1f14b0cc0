package minikernel.kernel.inspect;

import java.util.HashMap;
import java.util.Map;
import minikernel.kernel.Kernel;
import minikernel.kernel.sched.Task;

/**
 * The debugger's {@code ps}: one row per task, as ps(1) lists them, with the mm, fs, files,
 * sighand and signal objects each points to named and counted as {@link SharingSnapshot} numbers
 * them ("mm#1(3)": mm_struct number 1, mm_users 3), so that ps and share always agree. A kernel
 * thread is shown in brackets, as ps shows kthreadd's children; the snapshot leaves kernel threads
 * out, so their objects (no mm at all, private fs and files) are named by struct, unnumbered.
 */
public final class PsView {
    private PsView() {
    }

    public static String render(Kernel kernel) {
        ObjectNames names = ObjectNames.of(kernel);
        SharingSnapshot snapshot = names.snapshot();
        Map<Integer, SharingSnapshot.TaskNode> users = new HashMap<>();
        for (SharingSnapshot.TaskNode t : snapshot.tasks()) {
            users.put(t.pid(), t);
        }
        Map<String, SharingSnapshot.ObjectNode> objects = new HashMap<>();
        for (SharingSnapshot.ObjectNode o : snapshot.objects()) {
            objects.put(o.name(), o);
        }
        StringBuilder b = new StringBuilder();
        b.append(String.format("%5s %5s %5s %s %-17s", "PID", "TGID", "PPID", "S", "COMM"));
        for (SharedObject kind : SharedObject.values()) {
            b.append(String.format(" %-14s", kind.field().toUpperCase(java.util.Locale.ROOT)));
        }
        b.append(" WCHAN");
        Views.endLine(b);
        // The pid hash, in pid order: every task not yet reaped, zombies included (their mm is gone).
        for (Task t : kernel.scheduler().tasks()) {
            SharingSnapshot.TaskNode node = users.get(t.pid());
            int ppid = node != null ? node.ppid() : t.realParent() == null ? 0 : t.realParent().tgid();
            String comm = t.isKernelThread() ? "[" + t.comm() + "]" : t.comm();
            b.append(String.format("%5d %5d %5d %c %-17s", t.pid(), t.tgid(), ppid, Views.stateLetter(t), comm));
            for (SharedObject kind : SharedObject.values()) {
                String cell;
                if (node != null) {
                    Integer n = node.uses().get(kind);
                    SharingSnapshot.ObjectNode o = n == null ? null : objects.get(kind.field() + "#" + n);
                    cell = o == null ? "-" : o.name() + "(" + o.count() + ")";
                } else {
                    cell = names.nameAndCount(kind, SharingSnapshot.object(t, kind));
                }
                b.append(String.format(" %-14s", cell));
            }
            b.append(' ').append(t.wchan().isEmpty() ? "-" : t.wchan());
            Views.endLine(b);
        }
        return b.toString();
    }
}
