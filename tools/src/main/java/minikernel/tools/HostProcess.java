package minikernel.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Facts about the host process that a guest under {@code run} inherits, as under qemu-i386. */
final class HostProcess {
    private HostProcess() {
    }

    /**
     * The environment in its original order (from /proc/self/environ; the JVM's getenv() map has
     * none), so a guest that prints its environment prints it as a native run would.
     */
    static List<String> environment() {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc/self/environ"));
            List<String> env = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < raw.length; i++) {
                if (raw[i] == 0) {
                    if (i > start) {
                        env.add(new String(raw, start, i - start, StandardCharsets.UTF_8));
                    }
                    start = i + 1;
                }
            }
            return env;
        } catch (IOException e) {
            List<String> env = new ArrayList<>();
            for (Map.Entry<String, String> v : System.getenv().entrySet()) {
                env.add(v.getKey() + "=" + v.getValue());
            }
            return env;
        }
    }

    /** The real uid and gid of this process ({"Uid:", "Gid:"} of /proc/self/status), or 0. */
    static int[] ids() {
        int uid = 0, gid = 0;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    uid = Integer.parseInt(line.split("\\s+")[1]);
                } else if (line.startsWith("Gid:")) {
                    gid = Integer.parseInt(line.split("\\s+")[1]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return new int[]{0, 0};
        }
        return new int[]{uid, gid};
    }
}
