package minikernel.tools.grade;

import java.util.List;

/** The first difference of two outputs, line by line, with a little context: enough to see the bug. */
final class Diff {
    private static final int CONTEXT = 2, MAX_LINES = 12;

    private Diff() {
    }

    static String lines(String expected, String actual) {
        List<String> a = expected.lines().toList(), b = actual.lines().toList();
        int i = 0;
        while (i < a.size() && i < b.size() && a.get(i).equals(b.get(i))) {
            i++;
        }
        StringBuilder out = new StringBuilder();
        for (int k = Math.max(0, i - CONTEXT); k < i; k++) {
            out.append("    ").append(a.get(k)).append('\n');
        }
        for (int k = i; k < Math.min(a.size(), i + MAX_LINES / 2); k++) {
            out.append("  - ").append(a.get(k)).append('\n');
        }
        for (int k = i; k < Math.min(b.size(), i + MAX_LINES / 2); k++) {
            out.append("  + ").append(b.get(k)).append('\n');
        }
        if (i == a.size() && i == b.size()) {
            out.append("  (the same lines; the difference is in the final newline)\n");
        }
        return out.toString().stripTrailing();
    }
}
