package minikernel.kernel.drivers.tty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import minikernel.kernel.sched.WaitQueue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The N_TTY line discipline without a machine: bytes are "typed" into a tty whose device is a
 * fake that records what is sent to the screen, and whose kernel records the signals sent and
 * keeps a clock the test moves. Each test compares with what Linux's n_tty does.
 */
class NTtyTest {
    private static final int SIGINT = 2, SIGQUIT = 3, SIGTSTP = 20, SIGWINCH = 28;
    private static final int FG = 7;

    /** The screen: what the line discipline sent to the device. */
    private static final class Screen implements TtyOperations {
        final ByteArrayOutputStream sent = new ByteArrayOutputStream();
        final ByteArrayOutputStream queued = new ByteArrayOutputStream();

        @Override
        public void write(byte[] buf, int off, int len) {
            queued.write(buf, off, len);
        }

        @Override
        public void flushChars() {
            sent.writeBytes(queued.toByteArray());
            queued.reset();
        }

        /** What was sent since the last look. */
        String take() {
            String s = sent.toString(StandardCharsets.ISO_8859_1);
            sent.reset();
            return s;
        }
    }

    /** The kernel: signals sent, queues woken, and a clock. */
    private static final class Kernel implements Tty.Hooks {
        final List<String> signals = new ArrayList<>();
        final List<String> woken = new ArrayList<>();
        long now;

        @Override
        public void killPgrp(int pgrp, int sig) {
            signals.add(pgrp + ":" + sig);
        }

        @Override
        public void wakeUp(WaitQueue queue) {
            woken.add(queue.name());
        }

        @Override
        public long now() {
            return now;
        }
    }

    private Screen screen;
    private Kernel kernel;
    private Tty tty;

    @BeforeEach
    void newTty() {
        screen = new Screen();
        kernel = new Kernel();
        tty = new Tty(screen, kernel);
        tty.setSession(1, FG);
    }

    private void type(String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        tty.receive(b, b.length);
    }

    /** A read of up to {@code n} bytes: its text, or null if it would wait. */
    private String read(int n) {
        byte[] buf = new byte[n];
        NTty.Read r = tty.ldisc().read(buf, n, kernel.now);
        return r.waits() ? null : new String(buf, 0, r.count(), StandardCharsets.ISO_8859_1);
    }

    private NTty.Read readResult(int n, long started) {
        return tty.ldisc().read(new byte[n], n, started);
    }

    private String write(String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        int n = tty.ldisc().write(b, 0, b.length);
        assertEquals(b.length, n, "the device took everything");
        return screen.take();
    }

    private void set(java.util.function.Consumer<Termios> change) {
        Termios t = tty.termios().copy();
        change.accept(t);
        tty.setTermios(t);
    }

    // ---- the defaults -------------------------------------------------------------------------

    @Test
    void startsWithLinuxStandardSettings() {
        Termios t = tty.termios();
        assertEquals(Termios.ICRNL | Termios.IXON, t.iflag);
        assertEquals(Termios.OPOST | Termios.ONLCR, t.oflag);
        assertEquals(Termios.B38400 | Termios.CS8 | Termios.CREAD | Termios.HUPCL, t.cflag);
        assertEquals(Termios.ISIG | Termios.ICANON | Termios.ECHO | Termios.ECHOE | Termios.ECHOK
                | Termios.ECHOCTL | Termios.ECHOKE | Termios.IEXTEN, t.lflag);
        assertEquals(3, t.cc(Termios.VINTR));
        assertEquals(034, t.cc(Termios.VQUIT));
        assertEquals(0177, t.cc(Termios.VERASE));
        assertEquals(025, t.cc(Termios.VKILL));
        assertEquals(4, t.cc(Termios.VEOF));
        assertEquals(0, t.cc(Termios.VTIME));
        assertEquals(1, t.cc(Termios.VMIN));
        assertEquals(021, t.cc(Termios.VSTART));
        assertEquals(023, t.cc(Termios.VSTOP));
        assertEquals(032, t.cc(Termios.VSUSP));
        assertEquals(022, t.cc(Termios.VREPRINT));
        assertEquals(027, t.cc(Termios.VWERASE));
        assertEquals(026, t.cc(Termios.VLNEXT));
        assertEquals(0, t.cc(Termios.VEOL));
    }

    @Test
    void termiosRoundTripsThroughTheUserLayouts() {
        Termios t = Termios.standard();
        byte[] user = t.toUser(false);
        assertEquals(36, user.length);
        assertEquals(0x500, user[0] & 0xff | (user[1] & 0xff) << 8);   // ICRNL | IXON, little-endian
        Termios back = new Termios();
        back.fromUser(user, false);
        assertEquals(t, back);
        byte[] two = t.toUser(true);
        assertEquals(44, two.length);
        assertEquals(38400, two[36] & 0xff | (two[37] & 0xff) << 8 | (two[38] & 0xff) << 16);
        Termios termio = Termios.standard();
        termio.iflag |= 0x10000;
        termio.fromUserTermio(Termios.standard().toUserTermio());
        assertEquals(Termios.ICRNL | Termios.IXON | 0x10000, termio.iflag, "TCSETA keeps the high half");
    }

    @Test
    void speedsFollowTheBaudCodes() {
        Termios t = Termios.standard();
        t.cflag = t.cflag & ~Termios.CBAUD | 0010002;   // B115200
        t.computeSpeeds();
        assertEquals(115200, t.ospeed);
        assertEquals(115200, t.ispeed);
    }

    // ---- canonical mode -----------------------------------------------------------------------

    @Test
    void aReadReturnsOneLineWithEnterTranslatedAndEchoed() {
        type("hello");
        assertEquals("hello", screen.take());
        assertEquals(null, read(100), "no line yet: the reader waits");
        type("\rworld\r");
        assertEquals("\r\nworld\r\n", screen.take(), "ICRNL, and ONLCR on the echo");
        assertEquals("hello\n", read(100));
        assertEquals("world\n", read(100));
        assertEquals(null, read(100));
    }

    @Test
    void aLongLineIsReadInPieces() {
        type("abcdef\r");
        assertEquals("abc", read(3));
        assertEquals("def\n", read(10));
    }

    @Test
    void eraseRubsOutOneCharacter() {
        type("abx\177c\r");
        assertEquals("abx\b \bc\r\n", screen.take());
        assertEquals("abc\n", read(100));
    }

    @Test
    void eraseAtTheStartOfALineDoesNothing() {
        type("\177\177a\r");
        assertEquals("a\r\n", screen.take());
        assertEquals("a\n", read(100));
    }

    @Test
    void killErasesTheLineCharacterByCharacter() {
        type("abc\025x\r");
        assertEquals("abc\b \b\b \b\b \bx\r\n", screen.take(), "ECHOKE: each character rubbed out");
        assertEquals("x\n", read(100));
    }

    @Test
    void killWithoutEchokeShowsTheCharacterAndANewLine() {
        set(t -> t.lflag &= ~Termios.ECHOKE);
        type("abc\025x\r");
        assertEquals("abc^U\r\nx\r\n", screen.take());
        assertEquals("x\n", read(100));
    }

    @Test
    void wordEraseTakesTheWordAndTheSpaceAfterIt() {
        type("foo bar  \027baz\r");
        assertEquals("foo baz\n", read(100));
        type("one_two\027x\r");
        assertEquals("x\n", read(100), "_ is part of a word");
    }

    @Test
    void controlCharactersEchoAsCaretLetterAndEraseAsTwoColumns() {
        type("a\001");
        assertEquals("a^A", screen.take());
        type("\177");
        assertEquals("\b \b\b \b", screen.take());
        type("\r");
        assertEquals("a\n", read(100));
    }

    @Test
    void withoutEchoctlControlCharactersEchoAsThemselves() {
        set(t -> t.lflag &= ~Termios.ECHOCTL);
        type("\001\177");
        assertEquals("\001", screen.take(), "and rubbing one out echoes nothing");
    }

    @Test
    void aTabIsErasedBackToWhereItStarted() {
        type("ab\t");
        assertEquals(8, tty.ldisc().output().column());
        screen.take();
        type("\177");
        assertEquals("\b\b\b\b\b\b", screen.take(), "the tab took columns 2..7");
        assertEquals(2, tty.ldisc().output().column());
    }

    @Test
    void endOfFileAtTheStartOfALineReadsNothing() {
        type("\004");
        assertEquals("", screen.take(), "^D is not echoed");
        assertEquals("", read(100));
        assertEquals(null, read(100), "then the reader waits again");
    }

    @Test
    void endOfFileAfterTextEndsTheLineWithoutANewline() {
        type("abc\004");
        assertEquals("abc", read(100));
        assertEquals(null, read(100));
    }

    @Test
    void anEndOfFileRightAfterAReadThatFilledTheBufferIsEaten() {
        type("abc\004");
        assertEquals("abc", read(3));
        assertEquals(null, read(100), "not an empty read (canon_skip_eof)");
    }

    @Test
    void literalNextStoresTheNextByteAsIs() {
        type("\026");
        assertEquals("^\b", screen.take());
        type("\003\r");
        assertEquals("^C\r\n", screen.take());
        assertTrue(kernel.signals.isEmpty(), "^V^C sends no signal");
        assertEquals("\003\n", read(100));
    }

    @Test
    void reprintShowsTheLineAgain() {
        type("abc\022");
        assertEquals("abc^R\r\nabc", screen.take());
    }

    @Test
    void fionreadCountsCompleteLinesButNotEndOfFileMarks() {
        type("ab\rcd");
        assertEquals(3, tty.ldisc().inq());
        type("\004");
        assertEquals(5, tty.ldisc().inq());
    }

    @Test
    void anOverlongLineIsCutButItsNewlineStillGetsIn() {
        type("x".repeat(5000) + "\r");
        String line = read(10000);
        assertEquals(4096, line.length(), "4096 bytes at most, the newline included");
        assertTrue(line.endsWith("x\n"));
    }

    // ---- signals ------------------------------------------------------------------------------

    @Test
    void interruptSignalsTheForegroundGroupEchoesAndFlushes() {
        type("abc\r" + "de");
        screen.take();
        type("\003");
        assertEquals(List.of(FG + ":" + SIGINT), kernel.signals);
        assertEquals("^C", screen.take());
        assertEquals(null, read(100), "what was typed and not read is gone");
        assertEquals(0, tty.ldisc().inq());
    }

    @Test
    void quitAndSuspendSendTheirSignals() {
        type("\034");
        type("\032");
        assertEquals(List.of(FG + ":" + SIGQUIT, FG + ":" + SIGTSTP), kernel.signals);
        assertEquals("^\\^Z", screen.take());
        type("\034\032");
        assertEquals("^Z", screen.take(), "in one batch, the second flush drops the first echo, as on Linux");
    }

    @Test
    void noflshKeepsTheInput() {
        set(t -> t.lflag |= Termios.NOFLSH);
        type("abc\r\003");
        assertEquals("abc\n", read(100));
    }

    @Test
    void withoutIsigTheCharactersAreData() {
        set(t -> t.lflag &= ~Termios.ISIG);
        type("\003\r");
        assertTrue(kernel.signals.isEmpty());
        assertEquals("\003\n", read(100));
    }

    @Test
    void noForegroundGroupMeansNoSignal() {
        tty.setSession(0, 0);
        type("\003");
        assertTrue(kernel.signals.isEmpty());
    }

    @Test
    void aNewWindowSizeSignalsTheForegroundGroup() {
        tty.resize(new Winsize(24, 80, 0, 0));
        tty.resize(new Winsize(24, 80, 0, 0));
        assertEquals(List.of(FG + ":" + SIGWINCH), kernel.signals, "only a change signals");
        assertEquals(80, tty.winsize().cols());
    }

    // ---- input translation --------------------------------------------------------------------

    @Test
    void carriageReturnAndNewlineTranslations() {
        set(t -> t.iflag &= ~Termios.ICRNL);
        type("a\rb\n");
        assertEquals("a\rb\n", read(100), "without ICRNL a CR is data");
        set(t -> t.iflag |= Termios.IGNCR);
        type("c\rd\n");
        assertEquals("cd\n", read(100), "IGNCR drops it");
        set(t -> {
            t.iflag &= ~Termios.IGNCR;
            t.iflag |= Termios.INLCR;
            t.lflag &= ~Termios.ICANON;
        });
        type("e\n");
        assertEquals("e\r", read(100), "INLCR turns NL into CR");
    }

    @Test
    void istripAndIuclc() {
        set(t -> t.iflag |= Termios.ISTRIP | Termios.IUCLC);
        type("\u00c1B\r");
        assertEquals("ab\n", read(100), "0xC1 stripped to 'A', then IUCLC lowers both");
    }

    // ---- non-canonical mode -------------------------------------------------------------------

    private void raw(int min, int time) {
        set(t -> {
            t.lflag &= ~(Termios.ICANON | Termios.ECHO);
            t.cc[Termios.VMIN] = (byte) min;
            t.cc[Termios.VTIME] = (byte) time;
        });
    }

    @Test
    void minZeroTimeZeroReturnsAtOnce() {
        raw(0, 0);
        assertEquals("", read(10));
        type("ab");
        assertEquals("ab", read(10));
        assertEquals("", screen.take(), "no echo");
    }

    @Test
    void minWaitsForThatManyBytes() {
        raw(3, 0);
        type("ab");
        assertEquals(null, read(10));
        assertTrue(tty.ldisc().inputAvailable(false), "a byte is there");
        assertFalse(tty.ldisc().inputAvailable(true), "but poll waits for MIN");
        type("cd");
        assertEquals("abcd", read(10), "then takes all there is");
        type("e");
        assertEquals("e", read(1), "a read shorter than MIN needs only its own size");
    }

    @Test
    void timeWithoutMinIsATimeoutForTheFirstByte() {
        raw(0, 5);
        NTty.Read r = readResult(10, 1000);
        assertTrue(r.waits());
        assertEquals(1000 + 500_000_000L, r.deadline());
        kernel.now = 1000 + 500_000_000L;
        NTty.Read late = readResult(10, 1000);
        assertEquals(0, late.count());
        assertFalse(late.waits(), "the time is up: 0 bytes");
        type("x");
        assertEquals("x", read(10));
    }

    @Test
    void minAndTimeIsAnInterByteTimer() {
        raw(4, 2);
        assertEquals(-1, readResult(10, 0).deadline(), "the timer starts with the first byte");
        kernel.now = 1_000_000_000L;
        type("ab");
        NTty.Read r = readResult(10, 0);
        assertTrue(r.waits());
        assertEquals(1_200_000_000L, r.deadline());
        kernel.now = 1_200_000_000L;
        assertEquals("ab", read(10), "two bytes, the timer ran out");
    }

    @Test
    void switchingToNonCanonicalMakesTheTypedTextReadable() {
        type("abc");
        raw(1, 0);
        assertEquals("abc", read(10));
    }

    @Test
    void switchingToCanonicalMakesPendingInputALine() {
        raw(1, 0);
        type("xyz");
        set(t -> t.lflag |= Termios.ICANON);
        assertEquals("xyz", read(10));
    }

    @Test
    void aFullNonCanonicalBufferLeavesTheRestInTheFlipBuffer() {
        raw(1, 0);
        type("y".repeat(5000));
        assertTrue(tty.throttled());
        assertEquals(4095, tty.ldisc().inq());
        assertEquals(4095, read(5000).length());
        tty.flushToLdisc();
        assertFalse(tty.throttled());
        assertEquals(905, read(5000).length());
    }

    // ---- output -------------------------------------------------------------------------------

    @Test
    void outputProcessing() {
        assertEquals("a\r\nb", write("a\nb"), "ONLCR");
        set(t -> t.oflag &= ~Termios.ONLCR);
        assertEquals("a\nb", write("a\nb"));
        set(t -> t.oflag |= Termios.OCRNL);
        assertEquals("a\n", write("a\r"), "OCRNL");
        set(t -> t.oflag = Termios.OPOST | Termios.XTABS);
        assertEquals("\rab      c", write("\rab\tc"), "XTABS expands to the next stop");
        set(t -> t.oflag = Termios.OPOST | Termios.OLCUC);
        assertEquals("HI\n", write("hi\n"));
        set(t -> t.oflag = Termios.OPOST | Termios.ONOCR);
        assertEquals("\r\n", write("\r\n\r"), "ONOCR: no CR at column 0");
        set(t -> t.oflag = 0);
        assertEquals("x\n\t", write("x\n\t"), "no OPOST: as it is");
    }

    @Test
    void stopAndStartHoldOutputAndEchoes() {
        type("\023");
        assertTrue(tty.stopped());
        byte[] b = "out".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(0, tty.ldisc().write(b, 0, b.length), "a stopped terminal takes nothing");
        type("a");
        assertEquals("", screen.take(), "the echo waits too");
        kernel.woken.clear();
        type("\021");
        assertFalse(tty.stopped());
        assertTrue(kernel.woken.contains("n_tty_write"), "writers are woken");
        assertEquals("a", screen.take());
    }

    @Test
    void ixanyRestartsOnAnyKey() {
        set(t -> t.iflag |= Termios.IXANY);
        type("\023x");
        assertFalse(tty.stopped());
    }

    @Test
    void aCompletedLineWakesTheReaders() {
        kernel.woken.clear();
        type("ab");
        assertFalse(kernel.woken.contains("n_tty_read"));
        type("\r");
        assertTrue(kernel.woken.contains("n_tty_read"));
    }
}
