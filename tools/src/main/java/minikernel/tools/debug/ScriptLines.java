package minikernel.tools.debug;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** Commands from a script (--batch FILE, -ex CMD): one per line; '#' starts a comment line. */
public final class ScriptLines implements LineSource {
    private final Deque<String> lines = new ArrayDeque<>();

    public ScriptLines(List<String> commands) {
        for (String c : commands) {
            if (!c.isBlank() && !c.strip().startsWith("#")) {
                lines.add(c.strip());
            }
        }
    }

    @Override
    public String readLine(String prompt) {
        return lines.poll();
    }

    @Override
    public boolean echoes() {
        return true;
    }

    /** Commands never read (the program ended first). */
    public List<String> left() {
        return List.copyOf(lines);
    }
}
