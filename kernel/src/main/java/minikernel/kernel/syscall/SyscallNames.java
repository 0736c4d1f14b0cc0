package minikernel.kernel.syscall;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Names of every i386 system call number (from syscall_32.tbl, as a resource), so the trace and
 * reports can name the calls minikernel does not implement. Loaded on first use.
 */
public final class SyscallNames {
    private SyscallNames() {
    }

    private static final class Table {
        static final String[] NAMES = load();

        private static String[] load() {
            String[] names = new String[512];
            try (InputStream in = SyscallNames.class.getResourceAsStream("i386-syscall-names.txt")) {
                if (in == null) {
                    return names;
                }
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
                for (String line; (line = r.readLine()) != null; ) {
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    String[] f = line.trim().split("\\s+");
                    names[Integer.parseInt(f[0])] = f[1];
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return names;
        }
    }

    /** The name of call {@code number}, or null if Linux has none. */
    public static String of(long number) {
        return number >= 0 && number < Table.NAMES.length ? Table.NAMES[(int) number] : null;
    }
}
