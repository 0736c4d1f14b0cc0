package minikernel.kernel.inspect;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link SharingSnapshot} as a Graphviz graph: each thread group a box of its task_structs, an
 * arrow from each task to each object it points to (coloured by kind: the task_struct field it
 * follows is mm, fs, files, sighand or signal), each object with its reference count. Tasks
 * that share an object meet at one node; copies are separate nodes. Same snapshot, same text.
 */
public final class SharingDot {
    /** Each kind its colour: the object's fill and, darker, the arrows that point to it. */
    private static final Map<SharedObject, String> FILL = Map.of(
            SharedObject.MM, "#f6d8ae", SharedObject.FS, "#d5ecc2", SharedObject.FILES, "#c9def2",
            SharedObject.SIGHAND, "#e8d3ef", SharedObject.SIGNAL, "#f3c9c9");
    private static final Map<SharedObject, String> LINE = Map.of(
            SharedObject.MM, "#c27c0e", SharedObject.FS, "#4f8a2b", SharedObject.FILES, "#2f6ea5",
            SharedObject.SIGHAND, "#8a4fa0", SharedObject.SIGNAL, "#b03a3a");

    private SharingDot() {
    }

    public static String write(SharingSnapshot s) {
        StringBuilder b = new StringBuilder("digraph sharing {\n");
        b.append("  graph [rankdir=LR, fontname=\"Helvetica\", labelloc=t, nodesep=0.2, ranksep=1.5,\n");
        b.append("         label=").append(quote("who shares what: " + s.moment())).append("];\n");
        b.append("  node [fontname=\"Helvetica\", fontsize=11];\n");
        b.append("  edge [arrowsize=0.7, penwidth=1.2];\n");
        Map<Integer, List<SharingSnapshot.TaskNode>> groups = new LinkedHashMap<>();
        for (SharingSnapshot.TaskNode t : s.tasks()) {
            groups.computeIfAbsent(t.tgid(), g -> new java.util.ArrayList<>()).add(t);
        }
        for (Map.Entry<Integer, List<SharingSnapshot.TaskNode>> g : groups.entrySet()) {
            int n = g.getValue().size();
            b.append("  subgraph cluster_tgid_").append(g.getKey()).append(" {\n");
            b.append("    label=").append(quote("process " + g.getKey() + (n > 1 ? " (" + n + " threads)" : "")))
                    .append("; style=\"rounded,dashed\"; color=\"#888888\";\n");
            for (SharingSnapshot.TaskNode t : g.getValue()) {
                b.append("    task_").append(t.pid()).append(" [shape=box, style=\"rounded,filled\", fillcolor=\"")
                        .append(t.threadGroupLeader() ? "#dddddd" : "#f2f2f2").append("\", label=")
                        .append(quote("task_struct\\npid " + t.pid() + "  tgid " + t.tgid() + "\\n" + t.comm()
                                + "\\n" + t.state())).append("];\n");
            }
            b.append("  }\n");
        }
        for (SharingSnapshot.ObjectNode o : s.objects()) {
            b.append("  ").append(id(o)).append(" [shape=box, style=filled, fillcolor=\"").append(FILL.get(o.kind()))
                    .append("\", color=\"").append(LINE.get(o.kind())).append("\", label=")
                    .append(quote(o.kind().struct() + " #" + o.number() + "\\n"
                            + o.kind().counter() + " = " + o.count() + "\\n" + o.detail())).append("];\n");
        }
        for (SharingSnapshot.TaskNode t : s.tasks()) {
            for (Map.Entry<SharedObject, Integer> use : t.uses().entrySet()) {
                b.append("  task_").append(t.pid()).append(" -> ").append(use.getKey().field()).append('_')
                        .append(use.getValue()).append(" [color=\"").append(LINE.get(use.getKey())).append("\"];\n");
            }
        }
        return b.append("}\n").toString();
    }

    private static String id(SharingSnapshot.ObjectNode o) {
        return o.kind().field() + "_" + o.number();
    }

    /** A DOT string; "\n" sequences already in the text are kept as DOT's line breaks. */
    private static String quote(String s) {
        return "\"" + s.replace("\"", "\\\"") + "\"";
    }
}
