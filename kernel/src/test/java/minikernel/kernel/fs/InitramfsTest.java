package minikernel.kernel.fs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The newc reader: every field comes back, Linux's tolerances hold, damage is named. */
class InitramfsTest {

    private static CpioTestWriter sample() {
        return new CpioTestWriter()
                .dir("dev", 0755)
                .node("dev/console", CpioFileType.CHAR_DEVICE, 0600, 5, 1)
                .node("dev/sda", CpioFileType.BLOCK_DEVICE, 0660, 8, 0)
                .dir("bin", 0755)
                .file("bin/hello", 0755, "\u007fELF...")
                .symlink("bin/sh", "hello")
                .dir("tmp", 01777)
                .node("tmp/fifo", CpioFileType.FIFO, 0644, 0, 0)
                .node("tmp/sock", CpioFileType.SOCKET, 0755, 0, 0)
                .file("empty", 0644, "")
                .trailer();
    }

    private static String refusal(byte[] archive) {
        InitramfsException e = assertThrows(InitramfsException.class, () -> Initramfs.read(archive));
        assertFalse(e.getMessage().contains("\n"));
        return e.getMessage();
    }

    private static void assertContains(String expected, String message) {
        assertTrue(message.contains(expected), "expected \"" + expected + "\" in: " + message);
    }

    @Test
    void roundTripKeepsEveryField() throws InitramfsException {
        List<Initramfs.Entry> entries = Initramfs.read(sample().build());
        assertEquals(List.of("dev", "dev/console", "dev/sda", "bin", "bin/hello", "bin/sh", "tmp", "tmp/fifo",
                "tmp/sock", "empty"), entries.stream().map(Initramfs.Entry::path).toList());
        Initramfs.Entry console = entries.get(1);
        assertEquals(CpioFileType.CHAR_DEVICE, console.type());
        assertEquals(0600, console.permissions());
        assertEquals(5, console.rdevMajor());
        assertEquals(1, console.rdevMinor());
        assertEquals(722, console.ino());
        assertEquals(3, console.devMajor());
        assertEquals(CpioFileType.BLOCK_DEVICE, entries.get(2).type());
        Initramfs.Entry hello = entries.get(4);
        assertEquals(CpioFileType.REGULAR, hello.type());
        assertEquals(0100755, hello.mode());
        assertArrayEquals("\u007fELF...".getBytes(StandardCharsets.UTF_8), hello.data());
        assertEquals("hello", entries.get(5).symlinkTarget());
        assertEquals(CpioFileType.SYMLINK, entries.get(5).type());
        assertEquals(01777, entries.get(6).permissions());
        assertEquals(CpioFileType.FIFO, entries.get(7).type());
        assertEquals(CpioFileType.SOCKET, entries.get(8).type());
        assertEquals(0, entries.get(9).data().length);
        assertTrue(entries.stream().allMatch(e -> e.hardLinkTo().isEmpty()));
    }

    @Test
    void otherFieldsComeBackExactly() throws InitramfsException {
        byte[] archive = new CpioTestWriter()
                .raw(new CpioTestWriter.Fields(0xabcdef01L, 0100640, 1000, 100, 1, 1_700_000_000L, 0xfe, 0x12, 0,
                        0, null, 0), "etc/passwd", "root:x:0:0\n".getBytes(StandardCharsets.US_ASCII))
                .trailer().build();
        Initramfs.Entry e = Initramfs.read(archive).getFirst();
        assertEquals(0xabcdef01L, e.ino());
        assertEquals(1000, e.uid());
        assertEquals(100, e.gid());
        assertEquals(1_700_000_000L, e.mtime());
        assertEquals(0xfe, e.devMajor());
        assertEquals(0x12, e.devMinor());
        assertEquals(1, e.nlink());
    }

    @Test
    void readsFromAStream() throws Exception {
        byte[] archive = sample().build();
        assertEquals(Initramfs.read(archive), Initramfs.read(new ByteArrayInputStream(archive)));
    }

    @Test
    void leadingSlashAndDotAreStripped() throws InitramfsException {
        byte[] archive = new CpioTestWriter().dir(".", 0755).dir("./etc", 0755).file("/etc/motd", 0644, "hi")
                .dir("usr/", 0755).trailer().build();
        assertEquals(List.of("", "etc", "etc/motd", "usr"),
                Initramfs.read(archive).stream().map(Initramfs.Entry::path).toList());
    }

    @Test
    void dataIsCopiedNotShared() throws InitramfsException {
        Initramfs.Entry hello = Initramfs.read(sample().build()).get(4);
        hello.data()[0] = 0;
        assertEquals(0x7f, hello.data()[0]);
    }

    @Test
    void nulPaddingAndConcatenatedArchivesAreAccepted() throws InitramfsException {
        CpioTestWriter w = new CpioTestWriter().dir("a", 0755).trailer().pad(512);
        w.bytes(new byte[1024]);
        w.dir("b", 0755).trailer().pad(512);
        assertEquals(List.of("a", "b"), Initramfs.read(w.build()).stream().map(Initramfs.Entry::path).toList());
    }

    @Test
    void missingTrailerIsAccepted() throws InitramfsException {
        assertEquals(2, Initramfs.read(new CpioTestWriter().dir("a", 0755).file("a/b", 0644, "xyz").build()).size());
        assertEquals(0, Initramfs.read(new byte[0]).size());
    }

    @Test
    void crcFormatChecksumIsVerified() throws InitramfsException {
        CpioTestWriter good = new CpioTestWriter();
        good.magic = "070702";
        assertEquals(1, Initramfs.read(good.file("f", 0644, "data").trailer().build()).size());
        CpioTestWriter bad = new CpioTestWriter();
        bad.magic = "070702";
        bad.raw(new CpioTestWriter.Fields(1, 0100644, 0, 0, 1, 0, 0, 0, 0, 0, null, 12345), "f",
                "data".getBytes(StandardCharsets.US_ASCII));
        assertEquals("bad data checksum for 'f' at offset 0x0", refusal(bad.build()));
    }

    @Test
    void hardLinksAreFoundLikeFindLink() throws InitramfsException {
        CpioTestWriter w = new CpioTestWriter();
        CpioTestWriter.Fields link = new CpioTestWriter.Fields(900, 0100755, 0, 0, 2, 0, 3, 1, 0, 0, null, 0);
        w.raw(link, "bin/a", new byte[0]).raw(link, "bin/b", "body".getBytes(StandardCharsets.US_ASCII));
        w.trailer().raw(link, "bin/c", new byte[0]);
        List<Initramfs.Entry> entries = Initramfs.read(w.build());
        assertEquals(Optional.empty(), entries.get(0).hardLinkTo());
        assertEquals(Optional.of("bin/a"), entries.get(1).hardLinkTo());
        assertEquals(Optional.empty(), entries.get(2).hardLinkTo(), "TRAILER!!! forgets earlier links");
    }

    @Test
    void entriesLinuxWouldNotCreateAreSkipped() throws InitramfsException {
        CpioTestWriter w = new CpioTestWriter().entry("weird", 0070644, 1, 0, 0, new byte[0])
                .entry("dirWithData", CpioFileType.DIRECTORY.bits() | 0755, 2, 0, 0, new byte[] {1, 2, 3})
                .dir("kept", 0755);
        assertEquals(List.of("kept"), Initramfs.read(w.build()).stream().map(Initramfs.Entry::path).toList());
    }

    @Test
    void badMagicIsNamed() {
        assertEquals("no cpio magic at offset 0x0 (expected 070701)", refusal("0123456789".repeat(12)
                .getBytes(StandardCharsets.US_ASCII)));
        CpioTestWriter odc = new CpioTestWriter();
        odc.magic = "070707";
        assertContains("old-style (odc) cpio archive at offset 0x0", refusal(odc.dir("a", 0755).build()));
        assertEquals("junk at offset 0x0: not a newc cpio archive",
                refusal("hello".getBytes(StandardCharsets.US_ASCII)));
        assertContains("compressed (gzip) data at offset 0x0", refusal(new byte[] {0x1f, (byte) 0x8b, 8, 0}));
    }

    @Test
    void junkAfterTheTrailerIsRefused() {
        byte[] archive = new CpioTestWriter().dir("a", 0755).trailer().bytes("xyz".getBytes(StandardCharsets.US_ASCII))
                .build();
        assertContains("junk at offset 0x", refusal(archive));
    }

    @Test
    void misalignedHeaderAfterPaddingIsBrokenPadding() {
        byte[] archive = new CpioTestWriter().dir("a", 0755).trailer().bytes(new byte[] {0})
                .bytes(new CpioTestWriter().dir("b", 0755).build()).build();
        assertContains("broken padding", refusal(archive));
    }

    @Test
    void truncationIsNamed() {
        byte[] archive = sample().build();
        assertEquals("truncated cpio header at offset 0x0 (50 of 110 bytes)", refusal(Arrays.copyOf(archive, 50)));
        assertContains("truncated name in the cpio entry at offset 0x0", refusal(Arrays.copyOf(archive, 112)));
        byte[] file = new CpioTestWriter().file("big", 0644, "0123456789abcdef").build();
        assertEquals("truncated data of 'big' at offset 0x0 (16 bytes declared)", refusal(Arrays.copyOf(file, 125)));
    }

    @Test
    void controlCharactersInNamesAreEscapedInMessages() {
        byte[] file = new CpioTestWriter().file("a\nb", 0644, "0123456789abcdef").build();
        assertEquals("truncated data of 'a\\u000ab' at offset 0x0 (16 bytes declared)",
                refusal(Arrays.copyOf(file, 120)));
    }

    @Test
    void nameWithoutNulIsRefused() {
        CpioTestWriter w = new CpioTestWriter();
        w.raw(new CpioTestWriter.Fields(1, 040755, 0, 0, 2, 0, 0, 0, 0, 0, 3L, 0), "abcd", new byte[0]);
        assertEquals("name without NUL terminator in the cpio entry at offset 0x0", refusal(w.build()));
    }

    @Test
    void absurdSizesAreRefused() {
        CpioTestWriter zero = new CpioTestWriter();
        zero.raw(new CpioTestWriter.Fields(1, 040755, 0, 0, 2, 0, 0, 0, 0, 0, 0L, 0), "", new byte[0]);
        assertContains("bad name size 0", refusal(zero.build()));
        CpioTestWriter huge = new CpioTestWriter();
        huge.raw(new CpioTestWriter.Fields(1, 040755, 0, 0, 2, 0, 0, 0, 0, 0, 0xffffffffL, 0), "a", new byte[0]);
        assertContains("bad name size 4294967295", refusal(huge.build()));
        byte[] bigSize = new CpioTestWriter().file("f", 0644, "x").build();
        System.arraycopy("FFFFFFFF".getBytes(StandardCharsets.US_ASCII), 0, bigSize, 6 + 6 * 8, 8);
        assertContains("truncated data of 'f'", refusal(bigSize));
        byte[] longLink = new CpioTestWriter().symlink("l", "x".repeat(5000)).build();
        assertContains("symlink target of 'l' is 5000 bytes (at most 4096)", refusal(longLink));
    }

    @Test
    void nonHexFieldIsRefused() {
        byte[] archive = sample().build();
        archive[6 + 8] = 'g';
        assertEquals("bad cpio header at offset 0x0: c_mode is not an 8-digit hex number", refusal(archive));
    }
}
