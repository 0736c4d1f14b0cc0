package minikernel.kernel.inspect;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import minikernel.kernel.Kernel;
import minikernel.kernel.sched.Task;

/**
 * The names a {@link SharingSnapshot} gives the objects tasks point to ("mm#1", "files#2"), looked
 * up by the object itself, so that ps, task, vm, fds and futex name an mm_struct or a
 * files_struct exactly as share and diagram do. Taken afresh for each view: the numbering is the
 * snapshot's (objects in the order the tasks, by pid, first point to them).
 */
final class ObjectNames {
    private final SharingSnapshot snapshot;
    private final Map<SharedObject, Map<Object, SharingSnapshot.ObjectNode>> nodes = new EnumMap<>(SharedObject.class);

    private ObjectNames(Kernel kernel) {
        snapshot = SharingSnapshot.of(kernel, "now");
        Map<String, SharingSnapshot.ObjectNode> byName = new HashMap<>();
        for (SharingSnapshot.ObjectNode o : snapshot.objects()) {
            byName.put(o.name(), o);
        }
        for (SharedObject kind : SharedObject.values()) {
            nodes.put(kind, new IdentityHashMap<>());
        }
        // The snapshot holds plain values; each task it lists leads back to the objects themselves.
        for (SharingSnapshot.TaskNode t : snapshot.tasks()) {
            Task task = kernel.scheduler().findTask(t.pid());
            if (task == null) {
                continue;
            }
            for (Map.Entry<SharedObject, Integer> use : t.uses().entrySet()) {
                Object o = SharingSnapshot.object(task, use.getKey());
                if (o != null) {
                    nodes.get(use.getKey()).put(o, byName.get(use.getKey().field() + "#" + use.getValue()));
                }
            }
        }
    }

    static ObjectNames of(Kernel kernel) {
        return new ObjectNames(kernel);
    }

    SharingSnapshot snapshot() {
        return snapshot;
    }

    /** The snapshot's node for {@code o}, or null (a kernel thread's objects are not numbered). */
    SharingSnapshot.ObjectNode node(SharedObject kind, Object o) {
        return o == null ? null : nodes.get(kind).get(o);
    }

    /**
     * "mm#1"; "-" for no object; the bare field name ("files") for an object the snapshot does not
     * number (a kernel thread's).
     */
    String name(SharedObject kind, Object o) {
        if (o == null) {
            return "-";
        }
        SharingSnapshot.ObjectNode n = node(kind, o);
        return n == null ? kind.field() : n.name();
    }

    /** "mm#1(3)": the name and the reference count, as ps shows each object. */
    String nameAndCount(SharedObject kind, Object o) {
        if (o == null) {
            return "-";
        }
        return name(kind, o) + "(" + SharingSnapshot.count(o, kind) + ")";
    }
}
