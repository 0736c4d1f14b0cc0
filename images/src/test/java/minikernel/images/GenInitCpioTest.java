package minikernel.images;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gen_init_cpio's list format in, a deterministic newc archive out, and errors that name the line. */
class GenInitCpioTest {
    @TempDir
    Path root;

    /** One header of the output, decoded by hand (the kernel's reader lives in another module). */
    record Header(String name, long ino, int mode, long nlink, long mtime, long size, int devMajor, int devMinor,
            int rdevMajor, int rdevMinor, byte[] data) {
    }

    static List<Header> decode(byte[] archive) {
        List<Header> headers = new ArrayList<>();
        int pos = 0;
        while (true) {
            String text = new String(archive, pos, 110, StandardCharsets.US_ASCII);
            assertEquals("070701", text.substring(0, 6));
            long[] f = new long[13];
            for (int i = 0; i < 13; i++) {
                f[i] = Long.parseLong(text.substring(6 + 8 * i, 14 + 8 * i), 16);
            }
            int nameSize = (int) f[11];
            assertEquals(0, archive[pos + 110 + nameSize - 1]);
            String name = new String(archive, pos + 110, nameSize - 1, StandardCharsets.UTF_8);
            int data = (pos + 110 + nameSize + 3) & ~3;
            int size = (int) f[6];
            byte[] bytes = Arrays.copyOfRange(archive, data, data + size);
            pos = (data + size + 3) & ~3;
            if (name.equals("TRAILER!!!")) {
                assertEquals(0, archive.length % 512, "padded to 512 bytes like gen_init_cpio");
                return headers;
            }
            headers.add(new Header(name, f[0], (int) f[1], f[4], f[5], size, (int) f[7], (int) f[8], (int) f[9],
                    (int) f[10], bytes));
        }
    }

    private byte[] generate(String... lines) throws Exception {
        return GenInitCpio.generate(List.of(lines), "test.list", root, 0);
    }

    private String error(String... lines) {
        return assertThrows(CpioListException.class, () -> generate(lines)).getMessage();
    }

    @Test
    void everyEntryTypeIsWrittenLikeGenInitCpio() throws Exception {
        Files.writeString(root.resolve("hello.bin"), "\u007fELF-bytes");
        List<Header> headers = decode(generate(
                "# a comment",
                "",
                "dir /dev 755 0 0",
                "nod /dev/console 600 0 0 c 5 1",
                "nod /dev/sda 660 0 6 b 8 0",
                "dir /bin 755 0 0",
                "file /bin/hello hello.bin 755 0 0",
                "slink /bin/sh hello 777 0 0",
                "dir /tmp 1777 0 0",
                "pipe /tmp/fifo 644 0 0",
                "sock /tmp/sock 755 0 0"));
        assertEquals(List.of("dev", "dev/console", "dev/sda", "bin", "bin/hello", "bin/sh", "tmp", "tmp/fifo",
                "tmp/sock"), headers.stream().map(Header::name).toList());
        assertEquals(040755, headers.get(0).mode());
        assertEquals(2, headers.get(0).nlink());
        assertEquals(020600, headers.get(1).mode());
        assertEquals(5, headers.get(1).rdevMajor());
        assertEquals(1, headers.get(1).rdevMinor());
        assertEquals(060660, headers.get(2).mode());
        assertEquals(0100755, headers.get(4).mode());
        assertArrayEquals("\u007fELF-bytes".getBytes(StandardCharsets.UTF_8), headers.get(4).data());
        assertEquals(0120777, headers.get(5).mode());
        assertEquals("hello", new String(headers.get(5).data(), StandardCharsets.UTF_8));
        assertEquals(041777, headers.get(6).mode());
        assertEquals(010644, headers.get(7).mode());
        assertEquals(0140755, headers.get(8).mode());
        for (int i = 0; i < headers.size(); i++) {
            assertEquals(721 + i, headers.get(i).ino(), "inodes count up from 721 in list order");
            assertEquals(0, headers.get(i).mtime());
            assertEquals(3, headers.get(i).devMajor());
            assertEquals(1, headers.get(i).devMinor());
        }
    }

    @Test
    void sameInputGivesSameBytes() throws Exception {
        Files.writeString(root.resolve("a"), "content");
        String[] list = {"dir /etc 755 0 0", "file /etc/a a 644 0 0"};
        assertArrayEquals(generate(list), generate(list));
    }

    @Test
    void hardLinksShareAnInodeAndTheLastCarriesTheData() throws Exception {
        Files.writeString(root.resolve("busybox"), "code");
        List<Header> headers = decode(generate("dir /bin 755 0 0",
                "file /bin/busybox busybox 755 0 0 /bin/sh /bin/ls"));
        assertEquals(List.of(0L, 0L, 4L), headers.stream().skip(1).map(Header::size).toList());
        assertTrue(headers.stream().skip(1).allMatch(h -> h.ino() == 722 && h.nlink() == 3));
    }

    @Test
    void missingInputFileIsAnErrorNamingTheLine() {
        String message = error("dir /bin 755 0 0", "file /bin/hello userland/target/bin/hello 755 0 0");
        assertTrue(message.startsWith("test.list:2: file /bin/hello: userland/target/bin/hello does not exist"),
                message);
    }

    @Test
    void badLinesAreErrorsNamingTheLine() {
        assertEquals("test.list:1: unknown entry type 'directory' (dir, file, slink, nod, pipe or sock)",
                error("directory /bin 755 0 0"));
        assertEquals("test.list:1: expected 'dir NAME MODE UID GID', found 4 fields", error("dir /bin 755 0"));
        assertEquals("test.list:1: bad mode '799': an octal number up to 7777", error("dir /bin 799 0 0"));
        assertEquals("test.list:1: bad name 'bin': write an absolute path such as /bin/hello",
                error("dir bin 755 0 0"));
        assertEquals("test.list:1: device type must be c or b, not 'x'", error("nod /null 666 0 0 x 1 3"));
        assertEquals("test.list:1: bad user or group id '-1'", error("dir /bin 755 -1 0"));
        assertEquals("test.list:2: /bin is declared twice", error("dir /bin 755 0 0", "dir /bin 755 0 0"));
        assertEquals("test.list:1: the parent directory /dev of /dev/null is not declared before it (dir /dev 755 0 0)",
                error("nod /dev/null 666 0 0 c 1 3"));
    }

    @Test
    void mainWritesTheOutputFile() throws Exception {
        Path list = root.resolve("root.list");
        Files.writeString(list, "dir /etc 755 0 0\nslink /etc/mtab /proc/mounts 777 0 0\n");
        Path out = root.resolve("out/rootfs.cpio");
        GenInitCpio.main(new String[] {"-r", root.toString(), "-o", out.toString(), list.toString()});
        assertEquals(List.of("etc", "etc/mtab"), decode(Files.readAllBytes(out)).stream().map(Header::name).toList());
    }

    @Test
    void theRepositoryListParses() throws IOException, CpioListException {
        Path list = Path.of("rootfs.list");
        assertTrue(CpioList.parse(Files.readAllLines(list), "rootfs.list").items().size() > 10);
    }
}
