package minikernel.kernel.inspect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import minikernel.kernel.Kernel;
import minikernel.kernel.fs.Namei;
import minikernel.kernel.sched.Task;

/**
 * Who shares what, at one moment: every user task with its pid, tgid and state, and the mm, fs,
 * files, sighand and signal objects it points to, each object once with its reference count. A
 * copy of plain values, so it can be drawn after the kernel has moved on. Objects are numbered in
 * the order the tasks (by pid) first point to them, so a run's picture is the same every time.
 */
public record SharingSnapshot(String moment, List<TaskNode> tasks, List<ObjectNode> objects) {

    /** A task_struct: ids, state, and for each kind of object the number of the one it uses. */
    public record TaskNode(int pid, int tgid, int ppid, String comm, String state, boolean threadGroupLeader,
                           Map<SharedObject, Integer> uses) {
    }

    /** A shared object: kind, number (1, 2, ... per kind), reference count and a short description. */
    public record ObjectNode(SharedObject kind, int number, int count, String detail) {
        /** "mm#1". */
        public String name() {
            return kind.field() + "#" + number;
        }
    }

    /** The kernel's user tasks now (kernel threads have no user objects and are left out). */
    public static SharingSnapshot of(Kernel kernel, String moment) {
        List<Task> tasks = new ArrayList<>(kernel.scheduler().tasks());
        tasks.removeIf(Task::isKernelThread);
        tasks.sort(Comparator.comparingInt(Task::pid));
        Map<SharedObject, Map<Object, ObjectNode>> seen = new EnumMap<>(SharedObject.class);
        List<ObjectNode> objects = new ArrayList<>();
        List<TaskNode> nodes = new ArrayList<>();
        for (Task t : tasks) {
            Map<SharedObject, Integer> uses = new EnumMap<>(SharedObject.class);
            for (SharedObject kind : SharedObject.values()) {
                Object o = object(t, kind);
                if (o == null) {
                    continue;
                }
                ObjectNode node = seen.computeIfAbsent(kind, k -> new IdentityHashMap<>()).get(o);
                if (node == null) {
                    node = new ObjectNode(kind, seen.get(kind).size() + 1, count(o, kind), detail(t, o, kind));
                    seen.get(kind).put(o, node);
                    objects.add(node);
                }
                uses.put(kind, node.number());
            }
            Task parent = t.realParent();
            nodes.add(new TaskNode(t.pid(), t.tgid(), parent == null ? 0 : parent.tgid(), t.comm(),
                    t.state().procText(), t.groupLeader() == t, uses));
        }
        objects.sort(Comparator.comparing(ObjectNode::kind).thenComparingInt(ObjectNode::number));
        return new SharingSnapshot(moment, List.copyOf(nodes), List.copyOf(objects));
    }

    /** The object of {@code kind} that {@code t} points to (its task_struct field), or null. */
    static Object object(Task t, SharedObject kind) {
        return switch (kind) {
            case MM -> t.mm();
            case FS -> t.fs();
            case FILES -> t.files();
            case SIGHAND -> t.sighand();
            case SIGNAL -> t.signal();
        };
    }

    /** The object's reference count, read from the object itself (mm_users, users, count, nr_threads). */
    static int count(Object o, SharedObject kind) {
        return switch (kind) {
            case MM -> ((minikernel.kernel.mm.MmStruct) o).mmUsers();
            case FS -> ((minikernel.kernel.fs.FsStruct) o).users();
            case FILES -> ((minikernel.kernel.fs.FilesStruct) o).count();
            case SIGHAND -> ((minikernel.kernel.signal.SigHand) o).count();
            case SIGNAL -> ((minikernel.kernel.signal.SignalStruct) o).count();
        };
    }

    private static String detail(Task t, Object o, SharedObject kind) {
        return switch (kind) {
            case MM -> {
                var mm = (minikernel.kernel.mm.MmStruct) o;
                yield mm.vmas().size() + " VMAs, " + (mm.totalVm() >> 10) + " KiB";
            }
            case FS -> "cwd " + Namei.dPath(((minikernel.kernel.fs.FsStruct) o).root(),
                    ((minikernel.kernel.fs.FsStruct) o).pwd());
            case FILES -> ((minikernel.kernel.fs.FilesStruct) o).openCount() + " open fds";
            case SIGHAND -> {
                var sh = (minikernel.kernel.signal.SigHand) o;
                int handled = 0;
                for (int sig = 1; sig <= minikernel.kernel.signal.Signal.NSIG; sig++) {
                    if (sh.get(sig).handler() > minikernel.kernel.signal.SigHand.SigAction.SIG_IGN) {
                        handled++;
                    }
                }
                yield handled + (handled == 1 ? " handler" : " handlers");
            }
            case SIGNAL -> "pgrp " + ((minikernel.kernel.signal.SignalStruct) o).pgrp();
        };
    }
}
