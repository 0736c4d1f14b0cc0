package minikernel.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The build embeds rootfs.cpio (made in process-classes, before the tests run) as a resource. */
class DefaultImageTest {

    @Test
    void embeddedImageIsANewcArchiveOfTheList() throws Exception {
        byte[] image = DefaultImage.readAllBytes();
        List<String> names = GenInitCpioTest.decode(image).stream().map(GenInitCpioTest.Header::name).toList();
        assertTrue(names.containsAll(List.of("dev/console", "dev/null", "sbin/init", "bin/hello", "tmp")), names
                .toString());
    }

    @Test
    void openGivesAFreshStream() throws Exception {
        try (InputStream a = DefaultImage.open(); InputStream b = DefaultImage.open()) {
            assertEquals(a.readAllBytes().length, b.readAllBytes().length);
        }
    }
}
