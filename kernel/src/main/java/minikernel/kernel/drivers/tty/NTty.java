package minikernel.kernel.drivers.tty;

import static minikernel.kernel.drivers.tty.Termios.DISABLED_CHAR;
import static minikernel.kernel.drivers.tty.Termios.ECHO;
import static minikernel.kernel.drivers.tty.Termios.ECHOCTL;
import static minikernel.kernel.drivers.tty.Termios.ECHOE;
import static minikernel.kernel.drivers.tty.Termios.ECHOK;
import static minikernel.kernel.drivers.tty.Termios.ECHOKE;
import static minikernel.kernel.drivers.tty.Termios.ECHONL;
import static minikernel.kernel.drivers.tty.Termios.ECHOPRT;
import static minikernel.kernel.drivers.tty.Termios.ICANON;
import static minikernel.kernel.drivers.tty.Termios.ICRNL;
import static minikernel.kernel.drivers.tty.Termios.IEXTEN;
import static minikernel.kernel.drivers.tty.Termios.IGNCR;
import static minikernel.kernel.drivers.tty.Termios.INLCR;
import static minikernel.kernel.drivers.tty.Termios.ISIG;
import static minikernel.kernel.drivers.tty.Termios.ISTRIP;
import static minikernel.kernel.drivers.tty.Termios.IUCLC;
import static minikernel.kernel.drivers.tty.Termios.IUTF8;
import static minikernel.kernel.drivers.tty.Termios.IXANY;
import static minikernel.kernel.drivers.tty.Termios.IXON;
import static minikernel.kernel.drivers.tty.Termios.NOFLSH;
import static minikernel.kernel.drivers.tty.Termios.PARMRK;
import static minikernel.kernel.drivers.tty.Termios.VEOF;
import static minikernel.kernel.drivers.tty.Termios.VEOL;
import static minikernel.kernel.drivers.tty.Termios.VEOL2;
import static minikernel.kernel.drivers.tty.Termios.VERASE;
import static minikernel.kernel.drivers.tty.Termios.VINTR;
import static minikernel.kernel.drivers.tty.Termios.VKILL;
import static minikernel.kernel.drivers.tty.Termios.VLNEXT;
import static minikernel.kernel.drivers.tty.Termios.VMIN;
import static minikernel.kernel.drivers.tty.Termios.VQUIT;
import static minikernel.kernel.drivers.tty.Termios.VREPRINT;
import static minikernel.kernel.drivers.tty.Termios.VSTART;
import static minikernel.kernel.drivers.tty.Termios.VSTOP;
import static minikernel.kernel.drivers.tty.Termios.VSUSP;
import static minikernel.kernel.drivers.tty.Termios.VTIME;
import static minikernel.kernel.drivers.tty.Termios.VWERASE;

import java.util.BitSet;
import minikernel.kernel.signal.Signal;

/**
 * The N_TTY line discipline, drivers/tty/n_tty.c: what a terminal does between the keyboard and
 * the program. Typed bytes arrive through {@link #receiveBuf}, are translated (ICRNL...), turned
 * into signals (ISIG: ^C, ^\, ^Z), edited (ICANON: erase, kill, word erase, literal next,
 * reprint), echoed, and stored in a 4 KiB ring buffer that {@link #read} empties: a whole line at
 * a time in canonical mode, by VMIN and VTIME otherwise. The output half is {@link NTtyOutput}.
 *
 * <p>The ring's positions (read_head, canon_head, read_tail) are counters that run on past the
 * buffer's size; a position's slot is the counter masked to it. read_flags marks the last byte of
 * each line; an end of file (^D) is stored as a marked NUL, which a read consumes but does not
 * return.
 */
public final class NTty {
    public static final int N_TTY_BUF_SIZE = 4096;
    /** A VTIME unit: a tenth of a second. */
    private static final long DECISECOND = 100_000_000L;

    private final Tty tty;
    private final NTtyOutput out;
    private final byte[] readBuf = new byte[N_TTY_BUF_SIZE];
    private final BitSet readFlags = new BitSet(N_TTY_BUF_SIZE);
    /** Bytes with a special meaning under the current settings (n_tty_set_termios builds it). */
    private final BitSet charMap = new BitSet(256);
    private long readHead, commitHead, canonHead, readTail;
    private boolean lnext, erasing, raw, icanon;
    private long lastReceived;

    NTty(Tty tty) {
        this.tty = tty;
        this.out = new NTtyOutput(tty);
    }

    NTtyOutput output() {
        return out;
    }

    private static int mask(long i) {
        return (int) (i & (N_TTY_BUF_SIZE - 1));
    }

    private int readBuf(long i) {
        return readBuf[mask(i)] & 0xff;
    }

    /** read_cnt(): bytes in the buffer. */
    private int readCnt() {
        return (int) (readHead - readTail);
    }

    /** put_tty_queue(). */
    private void putTtyQueue(int c) {
        readBuf[mask(readHead)] = (byte) c;
        readHead++;
    }

    private int cc(int v) {
        return tty.termios().cc(v);
    }

    // ---- character classes of the kernel's lib/ctype.c (Latin-1; 128-159 are nothing) ---------

    static boolean iscntrl(int c) {
        return c < 32 || c == 127;
    }

    private static boolean isupper(int c) {
        return c >= 'A' && c <= 'Z' || c >= 192 && c <= 222 && c != 215;
    }

    private static boolean islower(int c) {
        return c >= 'a' && c <= 'z' || c >= 223 && c != 247;
    }

    private static boolean isalnum(int c) {
        return c >= '0' && c <= '9' || isupper(c) || islower(c);
    }

    private static int tolower(int c) {
        return isupper(c) ? c + ('a' - 'A') : c;
    }

    static int toupper(int c) {
        return islower(c) ? c - ('a' - 'A') : c;
    }

    /** is_continuation(): with IUTF8, a byte inside a multibyte character takes no column. */
    boolean isContinuation(int c) {
        return tty.i(IUTF8) && (c & 0xc0) == 0x80;
    }

    // ---- settings and flushing -----------------------------------------------------------------

    /**
     * n_tty_set_termios(): the settings changed ({@code old} null when the discipline is new).
     * Switching ICANON makes what is buffered readable at once: to non-canonical mode it is all
     * input; to canonical mode it becomes one line, as if ^D had been typed after it. The map of
     * special characters is rebuilt; with none of the processing flags set the line is raw and
     * bytes go straight into the buffer.
     */
    void setTermios(Termios old) {
        Termios t = tty.termios();
        if (old == null || ((old.lflag ^ t.lflag) & ICANON) != 0) {
            readFlags.clear();
            if (!tty.l(ICANON) || readCnt() == 0) {
                canonHead = readTail;
            } else {
                readFlags.set(mask(readHead - 1));
                canonHead = readHead;
            }
            commitHead = readHead;
            erasing = false;
            lnext = false;
        }
        icanon = tty.l(ICANON);
        boolean processing = tty.i(ISTRIP | IUCLC | IGNCR | ICRNL | INLCR | IXON | PARMRK)
                || tty.l(ICANON | ISIG | ECHO);
        if (processing) {
            charMap.clear();
            if (tty.i(IGNCR | ICRNL)) {
                charMap.set('\r');
            }
            if (tty.i(INLCR)) {
                charMap.set('\n');
            }
            if (tty.l(ICANON)) {
                charMap.set(cc(VERASE));
                charMap.set(cc(VKILL));
                charMap.set(cc(VEOF));
                charMap.set('\n');
                charMap.set(cc(VEOL));
                if (tty.l(IEXTEN)) {
                    charMap.set(cc(VWERASE));
                    charMap.set(cc(VLNEXT));
                    charMap.set(cc(VEOL2));
                    if (tty.l(ECHO)) {
                        charMap.set(cc(VREPRINT));
                    }
                }
            }
            if (tty.i(IXON)) {
                charMap.set(cc(VSTART));
                charMap.set(cc(VSTOP));
            }
            if (tty.l(ISIG)) {
                charMap.set(cc(VINTR));
                charMap.set(cc(VQUIT));
                charMap.set(cc(VSUSP));
            }
            charMap.clear(DISABLED_CHAR);
        }
        raw = !processing;
        // Output stopped by ^S would stay stopped for ever once ^Q means nothing: restart it.
        if (!tty.i(IXON) && old != null && (old.iflag & IXON) != 0 && !tty.tcoStopped()) {
            tty.startTty();
            out.processEchoes();
        }
        tty.wakeWriters();
        tty.wakeReaders();
    }

    /** reset_buffer_flags(): the input buffer is emptied. */
    private void resetBufferFlags() {
        readHead = canonHead = readTail = commitHead = 0;
        erasing = false;
        readFlags.clear();
    }

    /** n_tty_flush_buffer(): TCFLSH, TCSETSF, and a hang-up throw away pending input. */
    void flushBuffer() {
        resetBufferFlags();
    }

    // ---- receiving ----------------------------------------------------------------------------

    /**
     * n_tty_receive_buf_common(): takes bytes from the device; returns how many it took. Room is
     * kept for a line's end: in canonical mode a line that fills the buffer keeps taking bytes
     * (erase characters must work) by overwriting its last one, so its newline always gets in;
     * otherwise a full buffer takes nothing and the rest waits in the device.
     */
    public int receiveBuf(byte[] cp, int off, int count) {
        int received = 0;
        while (true) {
            int room = N_TTY_BUF_SIZE - readCnt();
            if (tty.i(PARMRK)) {
                room = (room + 2) / 3;
            }
            room--;
            if (room <= 0) {
                boolean overflow = icanon && canonHead == readTail;
                if (overflow && room < 0) {
                    readHead--;
                }
                room = overflow ? 1 : 0;
            }
            int n = Math.min(count, room);
            if (n == 0) {
                break;
            }
            receive(cp, off, n);
            off += n;
            count -= n;
            received += n;
        }
        return received;
    }

    /** __receive_buf(): one batch that fits; readers hear of it. */
    private void receive(byte[] cp, int off, int count) {
        if (raw) {
            for (int i = 0; i < count; i++) {
                putTtyQueue(cp[off + i] & 0xff);
            }
        } else {
            for (int i = 0; i < count; i++) {
                receiveStandard(cp[off + i] & 0xff);
            }
            out.flushEchoes();
            tty.flushChars();
        }
        if (icanon) {
            return;           // a completed line has woken the readers already
        }
        commitHead = readHead;
        lastReceived = tty.now();
        if (readCnt() > 0) {
            tty.wakeReaders();
        }
    }

    /** One byte of n_tty_receive_buf_standard(). */
    private void receiveStandard(int c) {
        if (lnext) {
            receiveCharLnext(c);
            return;
        }
        if (tty.i(ISTRIP)) {
            c &= 0x7f;
        }
        if (tty.i(IUCLC) && tty.l(IEXTEN)) {
            c = tolower(c);
        }
        if (charMap.get(c)) {
            receiveCharSpecial(c);
        } else {
            receiveChar(c);
        }
    }

    /** n_tty_receive_char_lnext(): the byte after ^V is taken literally. */
    private void receiveCharLnext(int c) {
        lnext = false;
        if (tty.i(ISTRIP)) {
            c &= 0x7f;
        }
        if (tty.i(IUCLC) && tty.l(IEXTEN)) {
            c = tolower(c);
        }
        receiveChar(c);
    }

    /** n_tty_receive_char(): an ordinary byte is echoed and stored. */
    private void receiveChar(int c) {
        restartOnAnyKey();
        if (tty.l(ECHO)) {
            finishErasing();
            if (canonHead == readHead) {
                out.echoSetCanonCol();        // the line's first character: remember its column
            }
            out.echoChar(c);
            out.commitEchoes();
        }
        if (c == 0377 && tty.i(PARMRK)) {
            putTtyQueue(c);                    // a real 0377 is doubled, to tell it from a mark
        }
        putTtyQueue(c);
    }

    /** IXANY: while output is stopped by ^S, any key restarts it. */
    private void restartOnAnyKey() {
        if (tty.stopped() && !tty.tcoStopped() && tty.i(IXON) && tty.i(IXANY)) {
            tty.startTty();
            out.processEchoes();
        }
    }

    /** n_tty_receive_char_special(): a byte that may mean something under the settings. */
    private void receiveCharSpecial(int c) {
        if (tty.i(IXON) && receiveCharFlowCtrl(c)) {
            return;
        }
        if (tty.l(ISIG)) {
            if (c == cc(VINTR)) {
                receiveSignalChar(Signal.SIGINT.number, c);
                return;
            } else if (c == cc(VQUIT)) {
                receiveSignalChar(Signal.SIGQUIT.number, c);
                return;
            } else if (c == cc(VSUSP)) {
                receiveSignalChar(Signal.SIGTSTP.number, c);
                return;
            }
        }
        restartOnAnyKey();
        if (c == '\r') {
            if (tty.i(IGNCR)) {
                return;
            }
            if (tty.i(ICRNL)) {
                c = '\n';
            }
        } else if (c == '\n' && tty.i(INLCR)) {
            c = '\r';
        }
        if (icanon && receiveCharCanon(c)) {
            return;
        }
        if (tty.l(ECHO)) {
            finishErasing();
            if (c == '\n') {
                out.echoCharRaw('\n');
            } else {
                if (canonHead == readHead) {
                    out.echoSetCanonCol();
                }
                out.echoChar(c);
            }
            out.commitEchoes();
        }
        if (c == 0377 && tty.i(PARMRK)) {
            putTtyQueue(c);
        }
        putTtyQueue(c);
    }

    /** n_tty_receive_char_flow_ctrl(): ^Q restarts output, ^S stops it; neither is stored. */
    private boolean receiveCharFlowCtrl(int c) {
        if (c == cc(VSTART)) {
            tty.startTty();
            out.processEchoes();
            return true;
        }
        if (c == cc(VSTOP)) {
            tty.stopTty();
            return true;
        }
        return false;
    }

    /** n_tty_receive_signal_char(): ^C, ^\ or ^Z signal the foreground group and are echoed. */
    private void receiveSignalChar(int sig, int c) {
        isig(sig);
        if (tty.i(IXON)) {
            tty.startTty();
        }
        if (tty.l(ECHO)) {
            out.echoChar(c);
            out.commitEchoes();
        } else {
            out.processEchoes();
        }
    }

    /**
     * isig(): the signal goes to the terminal's foreground process group; unless NOFLSH, what
     * was typed and not yet read, and echoes not yet shown, are thrown away with it.
     */
    private void isig(int sig) {
        tty.killForeground(sig);
        if (!tty.l(NOFLSH)) {
            out.clearEchoes();
            resetBufferFlags();
        }
    }

    /** n_tty_receive_char_canon(): the editing characters of canonical mode; true if {@code c} was one. */
    private boolean receiveCharCanon(int c) {
        if (c == cc(VERASE) || c == cc(VKILL) || c == cc(VWERASE) && tty.l(IEXTEN)) {
            eraser(c);
            out.commitEchoes();
            return true;
        }
        if (c == cc(VLNEXT) && tty.l(IEXTEN)) {
            lnext = true;
            if (tty.l(ECHO)) {
                finishErasing();
                if (tty.l(ECHOCTL)) {
                    out.echoCharRaw('^');       // a "^" under the cursor until the next byte
                    out.echoCharRaw('\b');
                    out.commitEchoes();
                }
            }
            return true;
        }
        if (c == cc(VREPRINT) && tty.l(ECHO) && tty.l(IEXTEN)) {
            finishErasing();
            out.echoChar(c);
            out.echoCharRaw('\n');
            for (long tail = canonHead; tail != readHead; tail++) {
                out.echoChar(readBuf(tail));
            }
            out.commitEchoes();
            return true;
        }
        if (c == '\n') {
            if (tty.l(ECHO) || tty.l(ECHONL)) {
                out.echoCharRaw('\n');
                out.commitEchoes();
            }
            handleNewline(c);
            return true;
        }
        if (c == cc(VEOF)) {
            handleNewline(DISABLED_CHAR);      // the line ends here, with nothing stored for ^D
            return true;
        }
        if (c == cc(VEOL) || c == cc(VEOL2) && tty.l(IEXTEN)) {
            if (tty.l(ECHO)) {
                if (canonHead == readHead) {
                    out.echoSetCanonCol();
                }
                out.echoChar(c);
                out.commitEchoes();
            }
            if (c == 0377 && tty.i(PARMRK)) {
                putTtyQueue(c);
            }
            handleNewline(c);
            return true;
        }
        return false;
    }

    /** n_tty_receive_handle_newline(): a line is complete; readers may take it. */
    private void handleNewline(int c) {
        readFlags.set(mask(readHead));
        putTtyQueue(c);
        canonHead = readHead;
        tty.wakeReaders();
    }

    /** finish_erasing(): ECHOPRT shows erased text between "\" and "/". */
    private void finishErasing() {
        if (erasing) {
            out.echoCharRaw('/');
            erasing = false;
        }
    }

    /**
     * eraser(): ERASE takes back one character, WERASE a word (with what precedes it up to the
     * word), KILL the whole line; the echo rubs them out ("\b \b", twice for a "^X") or, without
     * ECHOE/ECHOKE, shows the editing character instead. A UTF-8 character goes as a whole.
     */
    private void eraser(int c) {
        if (readHead == canonHead) {
            return;                            // nothing typed on this line
        }
        enum Kind { ERASE, WERASE, KILL }
        Kind kind;
        if (c == cc(VERASE)) {
            kind = Kind.ERASE;
        } else if (c == cc(VWERASE)) {
            kind = Kind.WERASE;
        } else {
            if (!tty.l(ECHO)) {
                readHead = canonHead;
                return;
            }
            if (!tty.l(ECHOK) || !tty.l(ECHOKE) || !tty.l(ECHOE)) {
                readHead = canonHead;
                finishErasing();
                out.echoChar(cc(VKILL));
                if (tty.l(ECHOK)) {
                    out.echoCharRaw('\n');     // ECHOK without ECHOKE: the line starts afresh below
                }
                return;
            }
            kind = Kind.KILL;
        }
        int seenAlnums = 0;
        while (readHead != canonHead) {
            long head = readHead;
            do {
                head--;
                c = readBuf(head);
            } while (isContinuation(c) && head != canonHead);
            if (isContinuation(c)) {
                break;                         // never erase half a character
            }
            if (kind == Kind.WERASE) {
                if (isalnum(c) || c == '_') {
                    seenAlnums++;
                } else if (seenAlnums > 0) {
                    break;
                }
            }
            int cnt = (int) (readHead - head);
            readHead = head;
            if (tty.l(ECHO)) {
                echoErase(kind == Kind.ERASE, c, head, cnt);
            }
            if (kind == Kind.ERASE) {
                break;
            }
        }
        if (readHead == canonHead && tty.l(ECHO)) {
            finishErasing();
        }
    }

    /** The echo of erasing character {@code c} ({@code cnt} bytes at {@code head}). */
    private void echoErase(boolean erase, int c, long head, int cnt) {
        if (tty.l(ECHOPRT)) {
            if (!erasing) {
                out.echoCharRaw('\\');
                erasing = true;
            }
            out.echoChar(c);
            while (--cnt > 0) {
                head++;
                out.echoCharRaw(readBuf(head));
                out.echoMoveBackCol();
            }
        } else if (erase && !tty.l(ECHOE)) {
            out.echoChar(cc(VERASE));
        } else if (c == '\t') {
            // How wide was the tab? Count the columns back to the line's start or a previous tab.
            int numChars = 0;
            boolean afterTab = false;
            for (long tail = readHead; tail != canonHead; ) {
                tail--;
                int p = readBuf(tail);
                if (p == '\t') {
                    afterTab = true;
                    break;
                } else if (iscntrl(p)) {
                    if (tty.l(ECHOCTL)) {
                        numChars += 2;
                    }
                } else if (!isContinuation(p)) {
                    numChars++;
                }
            }
            out.echoEraseTab(numChars, afterTab);
        } else {
            if (iscntrl(c) && tty.l(ECHOCTL)) {
                rubOut();                      // the "^" of a "^X"
            }
            if (!iscntrl(c) || tty.l(ECHOCTL)) {
                rubOut();
            }
        }
    }

    private void rubOut() {
        out.echoCharRaw('\b');
        out.echoCharRaw(' ');
        out.echoCharRaw('\b');
    }

    // ---- reading ------------------------------------------------------------------------------

    /** What {@link #read} decided: {@code count} bytes read, or to wait (until {@code deadline}, -1: for input). */
    public record Read(int count, boolean waits, long deadline) {
        static Read done(int n) {
            return new Read(n, false, -1);
        }

        static Read waitFor(long deadline) {
            return new Read(0, true, deadline);
        }
    }

    /**
     * input_available_p(): in canonical mode a complete line; otherwise a byte, or for poll
     * VMIN bytes when VTIME does not bound the wait.
     */
    public boolean inputAvailable(boolean poll) {
        if (icanon) {
            return canonHead != readTail;
        }
        int amt = poll && cc(VTIME) == 0 && cc(VMIN) != 0 ? cc(VMIN) : 1;
        return commitHead - readTail >= amt;
    }

    /**
     * n_tty_read() up to the point where it would sleep: fills {@code kbuf} with up to {@code nr}
     * bytes, or says how long to wait. Canonical mode returns one line (or as much of it as
     * fits; an end of file alone returns 0). Otherwise VMIN and VTIME decide: MIN 0, TIME 0
     * takes what is there; MIN 0, TIME t waits up to t for one byte from {@code started}; MIN m,
     * TIME 0 waits for m bytes; MIN m, TIME t waits for m, or t after the last byte came. Bytes
     * stay in the buffer until the read can return, so a restarted read finds them again.
     */
    public Read read(byte[] kbuf, int nr, long started) {
        if (icanon) {
            return inputAvailable(false) ? Read.done(canonCopyFromReadBuf(kbuf, nr)) : Read.waitFor(-1);
        }
        int avail = (int) (commitHead - readTail);
        int min = cc(VMIN);
        long time = cc(VTIME) * DECISECOND;
        long now = tty.now();
        if (min == 0) {
            if (avail > 0 || time == 0 || now >= started + time) {
                return Read.done(copyFromReadBuf(kbuf, nr));
            }
            return Read.waitFor(started + time);
        }
        if (avail >= Math.min(min, nr)) {
            return Read.done(copyFromReadBuf(kbuf, nr));
        }
        if (avail > 0 && time > 0) {
            if (now >= lastReceived + time) {
                return Read.done(copyFromReadBuf(kbuf, nr));    // the inter-byte timer ran out
            }
            return Read.waitFor(lastReceived + time);
        }
        return Read.waitFor(-1);
    }

    /** copy_from_read_buf(): non-canonical mode takes what is there, up to {@code nr}. */
    private int copyFromReadBuf(byte[] kbuf, int nr) {
        int n = (int) Math.min(commitHead - readTail, nr);
        copy(kbuf, 0, readTail, n);
        readTail += n;
        return n;
    }

    private void copy(byte[] to, int at, long from, int n) {
        for (int i = 0; i < n; i++) {
            to[at + i] = readBuf[mask(from + i)];
        }
    }

    /**
     * canon_copy_from_read_buf(): up to the end of the first line, the line's end included
     * unless it is an end of file. If the line does not fit, the rest stays for the next read;
     * when exactly the line's text fitted and an end of file follows, the EOF is eaten now, so
     * the next read does not see an empty line (canon_skip_eof).
     */
    private int canonCopyFromReadBuf(byte[] kbuf, int nr) {
        if (nr == 0) {
            return 0;
        }
        int n = (int) Math.min(nr, canonHead - readTail);
        int eol = -1;
        for (int i = 0; i < n; i++) {
            if (readFlags.get(mask(readTail + i))) {
                eol = i;
                break;
            }
        }
        boolean found = eol >= 0;
        int consumed = found ? eol + 1 : n;
        int copied = found && readBuf(readTail + eol) == DISABLED_CHAR ? eol : consumed;
        copy(kbuf, 0, readTail, copied);
        if (found) {
            readFlags.clear(mask(readTail + eol));
        }
        readTail += consumed;
        if (!found) {
            canonSkipEof();
        }
        return copied;
    }

    /** canon_skip_eof(). */
    private void canonSkipEof() {
        if (readTail != canonHead && readFlags.get(mask(readTail)) && readBuf(readTail) == DISABLED_CHAR) {
            readFlags.clear(mask(readTail));
            readTail++;
        }
    }

    /** TIOCINQ (FIONREAD): bytes a read could return; in canonical mode complete lines, EOFs not counted. */
    public int inq() {
        if (!tty.l(ICANON)) {
            return readCnt();
        }
        int nr = (int) (canonHead - readTail);
        for (long tail = readTail; tail != canonHead; tail++) {
            if (readFlags.get(mask(tail)) && readBuf(tail) == DISABLED_CHAR) {
                nr--;
            }
        }
        return nr;
    }

    // ---- writing ------------------------------------------------------------------------------

    /** The output half of n_tty_write(): see {@link NTtyOutput#write}. */
    public int write(byte[] buf, int off, int nr) {
        return out.write(buf, off, nr);
    }
}
