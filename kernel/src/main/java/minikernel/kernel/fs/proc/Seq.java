package minikernel.kernel.fs.proc;

import java.nio.charset.StandardCharsets;

/** The little formatting helpers of seq_file that /proc's show functions share. */
final class Seq {
    private Seq() {
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** K(x): pages as kB. */
    static long kb(long pages) {
        return pages << 2;
    }

    /** "%8lu kB" after a label, as task_mem() and meminfo print sizes. */
    static void kbLine(StringBuilder m, String label, long kb) {
        m.append(label).append(String.format("%8d", kb)).append(" kB\n");
    }

    /** An unsigned long of the 64-bit kernel (RLIM_INFINITY prints as 18446744073709551615). */
    static String ulong(long v) {
        return Long.toUnsignedString(v);
    }

    /**
     * mangle() of fs/proc_namespace.c and seq_path()'s escaping: the characters in {@code esc}
     * become a backslash and three octal digits ("\040" for a space).
     */
    static String escape(String s, String esc) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (esc.indexOf(c) >= 0) {
                out.append('\\').append(String.format("%03o", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** nsec_to_clock_t(): nanoseconds as USER_HZ (100 per second) ticks. */
    static long clockT(long nanos) {
        return nanos / 10_000_000L;
    }
}
