package minikernel.kernel.inspect;

/**
 * A {@link SharingSnapshot} as a table for a terminal: a row per task naming the object of each
 * kind it uses (the same name in two rows means one shared object), then each object with its
 * reference count.
 */
public final class SharingText {
    private SharingText() {
    }

    public static String write(SharingSnapshot s) {
        StringBuilder b = new StringBuilder("who shares what: ").append(s.moment()).append("\n\n");
        b.append(String.format("%-6s %-6s %-16s %-15s", "pid", "tgid", "comm", "state"));
        for (SharedObject kind : SharedObject.values()) {
            b.append(String.format(" %-10s", kind.field()));
        }
        b.setLength(b.length() - trailingSpaces(b));
        b.append('\n');
        for (SharingSnapshot.TaskNode t : s.tasks()) {
            b.append(String.format("%-6d %-6d %-16s %-15s", t.pid(), t.tgid(), t.comm(), t.state()));
            for (SharedObject kind : SharedObject.values()) {
                Integer n = t.uses().get(kind);
                b.append(String.format(" %-10s", n == null ? "-" : kind.field() + "#" + n));
            }
            b.setLength(b.length() - trailingSpaces(b));
            b.append('\n');
        }
        b.append('\n');
        for (SharingSnapshot.ObjectNode o : s.objects()) {
            b.append(String.format("%-10s %-15s %-14s %s%n", o.name(), o.kind().struct(),
                    o.kind().counter() + " " + o.count(), o.detail()));
        }
        return b.toString();
    }

    private static int trailingSpaces(StringBuilder b) {
        int n = 0;
        while (n < b.length() && b.charAt(b.length() - 1 - n) == ' ') {
            n++;
        }
        return n;
    }
}
