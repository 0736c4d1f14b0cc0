package minikernel.tools;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/linux-map.md follows the code: every {@code Class#method} it names exists (any visibility),
 * every class it names loads, and every C function it names is defined in the file it names.
 */
class LinuxMapTest {
    private static final Path ROOT = Path.of(System.getProperty("minikernel.root", ".."));
    private static final Pattern JAVA = Pattern.compile("`(minikernel(?:\\.[a-z]+)+\\.[A-Z]\\w*)(?:#(\\w+))?`");
    private static final Pattern C = Pattern.compile("`(userland/lib/[\\w./]+): (\\w+)`");

    @Test
    void everyNamedMethodClassAndFunctionExists() throws Exception {
        String map = Files.readString(ROOT.resolve("docs/linux-map.md"));
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (Matcher m = JAVA.matcher(map); m.find(); checked++) {
            try {
                Class<?> c = Class.forName(m.group(1));
                String method = m.group(2);
                if (method != null && Arrays.stream(c.getDeclaredMethods()).map(Method::getName)
                        .noneMatch(method::equals)) {
                    missing.add(m.group(1) + "#" + method);
                }
            } catch (ClassNotFoundException e) {
                missing.add(m.group(1));
            }
        }
        for (Matcher m = C.matcher(map); m.find(); checked++) {
            String source = Files.readString(ROOT.resolve(m.group(1)));
            if (!Pattern.compile("(?m)^[\\w ]*\\b" + m.group(2) + "\\s*\\(|^" + m.group(2) + ":").matcher(source).find()) {
                missing.add(m.group(1) + ": " + m.group(2));
            }
        }
        assertTrue(checked > 50, "the map names " + checked + " things: did its format change?");
        assertTrue(missing.isEmpty(), "docs/linux-map.md names what the code does not have: " + missing);
    }
}
