package minikernel.kernel.drivers.tty;

import static minikernel.kernel.drivers.tty.Termios.OCRNL;
import static minikernel.kernel.drivers.tty.Termios.OLCUC;
import static minikernel.kernel.drivers.tty.Termios.ONLCR;
import static minikernel.kernel.drivers.tty.Termios.ONLRET;
import static minikernel.kernel.drivers.tty.Termios.ONOCR;
import static minikernel.kernel.drivers.tty.Termios.OPOST;
import static minikernel.kernel.drivers.tty.Termios.TABDLY;
import static minikernel.kernel.drivers.tty.Termios.XTABS;

/**
 * The output half of the N_TTY line discipline (drivers/tty/n_tty.c): OPOST processing of what
 * programs write (do_output_char, process_output_block) and the echo buffer, which holds the
 * echoes of typed characters until the device can take them. Both move the cursor, so both keep
 * its column; erasing a tab needs it to know how far back to go.
 *
 * <p>Echoes are stored as bytes, and as operations introduced by ECHO_OP_START: a control
 * character to show as "^X", a column to remember or step back, a tab to erase. They are
 * written out ("processed") when committed, since the device may be stopped (^S) meanwhile.
 */
final class NTtyOutput {
    static final int ECHO_OP_START = 0xff, ECHO_OP_MOVE_BACK_COL = 0x80, ECHO_OP_SET_CANON_COL = 0x81,
            ECHO_OP_ERASE_TAB = 0x82;
    private static final int ECHO_COMMIT_WATERMARK = 256, ECHO_BLOCK = 256;
    private static final int ECHO_DISCARD_WATERMARK = NTty.N_TTY_BUF_SIZE - (ECHO_BLOCK + 32);
    private static final byte[] SPACES = "        ".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] CRLF = {'\r', '\n'};

    private final Tty tty;
    private final byte[] echoBuf = new byte[NTty.N_TTY_BUF_SIZE];
    private long echoHead, echoCommit, echoMark, echoTail;
    private int column, canonColumn;

    NTtyOutput(Tty tty) {
        this.tty = tty;
    }

    private boolean o(int flag) {
        return (tty.termios().oflag & flag) != 0;
    }

    /** The cursor column the line discipline believes in (tests look at it). */
    int column() {
        return column;
    }

    // ---- OPOST ---------------------------------------------------------------------------------

    /**
     * do_output_char(): one byte with output processing into at most {@code space} bytes of the
     * device; the bytes used, or -1 if they do not fit. Only ONLCR, OCRNL, ONOCR, ONLRET, OLCUC
     * and XTABS change what is sent; the delay flags are ignored, as Linux ignores them.
     */
    int doOutputChar(int c, int space) {
        if (space == 0) {
            return -1;
        }
        switch (c) {
            case '\n' -> {
                if (o(ONLRET)) {
                    column = 0;
                }
                if (o(ONLCR)) {
                    if (space < 2) {
                        return -1;
                    }
                    canonColumn = column = 0;
                    tty.driverWrite(CRLF, 0, 2);
                    return 2;
                }
                canonColumn = column;
            }
            case '\r' -> {
                if (o(ONOCR) && column == 0) {
                    return 0;
                }
                if (o(OCRNL)) {
                    c = '\n';
                    if (o(ONLRET)) {
                        canonColumn = column = 0;
                    }
                } else {
                    canonColumn = column = 0;
                }
            }
            case '\t' -> {
                int spaces = 8 - (column & 7);
                if ((tty.termios().oflag & TABDLY) == XTABS) {
                    if (space < spaces) {
                        return -1;
                    }
                    column += spaces;
                    tty.driverWrite(SPACES, 0, spaces);
                    return spaces;
                }
                column += spaces;
            }
            case '\b' -> {
                if (column > 0) {
                    column--;
                }
            }
            default -> {
                if (!NTty.iscntrl(c)) {
                    if (o(OLCUC)) {
                        c = NTty.toupper(c);
                    }
                    if (!tty.ldisc().isContinuation(c)) {
                        column++;
                    }
                }
            }
        }
        tty.putChar(c);
        return 1;
    }

    /** process_output(): one byte that needs processing; -1 if the device has no room now. */
    int processOutput(int c) {
        return doOutputChar(c, tty.writeRoom()) < 0 ? -1 : 0;
    }

    /**
     * process_output_block(): sends the run of bytes at the start of {@code buf} that go out as
     * they are, keeping the column, and stops before the first that needs processing. Returns how
     * many it sent.
     */
    int processOutputBlock(byte[] buf, int off, int nr) {
        int space = tty.writeRoom();
        if (space == 0) {
            return 0;
        }
        nr = Math.min(nr, space);
        int i = 0;
        scan:
        for (; i < nr; i++) {
            int c = buf[off + i] & 0xff;
            switch (c) {
                case '\n' -> {
                    if (o(ONLRET)) {
                        column = 0;
                    }
                    if (o(ONLCR)) {
                        break scan;
                    }
                    canonColumn = column;
                }
                case '\r' -> {
                    if (o(ONOCR) && column == 0 || o(OCRNL)) {
                        break scan;
                    }
                    canonColumn = column = 0;
                }
                case '\t' -> {
                    break scan;
                }
                case '\b' -> {
                    if (column > 0) {
                        column--;
                    }
                }
                default -> {
                    if (!NTty.iscntrl(c)) {
                        if (o(OLCUC)) {
                            break scan;
                        }
                        if (!tty.ldisc().isContinuation(c)) {
                            column++;
                        }
                    }
                }
            }
        }
        tty.driverWrite(buf, off, i);
        return i;
    }

    /**
     * The writing half of n_tty_write(): pending echoes first, then the bytes, with output
     * processing if OPOST is set. Returns how many bytes the device took (fewer than asked only
     * when it is stopped).
     */
    int write(byte[] buf, int off, int nr) {
        processEchoes();
        int start = off;
        if (o(OPOST)) {
            while (nr > 0) {
                int num = processOutputBlock(buf, off, nr);
                off += num;
                nr -= num;
                if (nr == 0 || processOutput(buf[off] & 0xff) < 0) {
                    break;
                }
                off++;
                nr--;
            }
        } else {
            int num = Math.min(nr, tty.writeRoom());
            tty.driverWrite(buf, off, num);
            off += num;
        }
        tty.flushChars();
        return off - start;
    }

    // ---- the echo buffer -----------------------------------------------------------------------

    private int echoBuf(long i) {
        return echoBuf[(int) (i & (NTty.N_TTY_BUF_SIZE - 1))] & 0xff;
    }

    /** add_echo_byte(). */
    private void addEchoByte(int c) {
        echoBuf[(int) (echoHead & (NTty.N_TTY_BUF_SIZE - 1))] = (byte) c;
        echoHead++;
    }

    /** echo_move_back_col(): the cursor goes back a column without any byte sent. */
    void echoMoveBackCol() {
        addEchoByte(ECHO_OP_START);
        addEchoByte(ECHO_OP_MOVE_BACK_COL);
    }

    /** echo_set_canon_col(): the first character of a line starts here. */
    void echoSetCanonCol() {
        addEchoByte(ECHO_OP_START);
        addEchoByte(ECHO_OP_SET_CANON_COL);
    }

    /**
     * echo_erase_tab(): erase a tab; {@code numChars} columns were used since the start of the
     * line (or since the previous tab, {@code afterTab}), which says how wide the tab was.
     */
    void echoEraseTab(int numChars, boolean afterTab) {
        addEchoByte(ECHO_OP_START);
        addEchoByte(ECHO_OP_ERASE_TAB);
        numChars &= 7;               // only its position within a tab stop matters
        if (afterTab) {
            numChars |= 0x80;
        }
        addEchoByte(numChars);
    }

    /** echo_char_raw(): echo the byte as it is. */
    void echoCharRaw(int c) {
        if (c == ECHO_OP_START) {
            addEchoByte(ECHO_OP_START);
        }
        addEchoByte(c);
    }

    /** echo_char(): echo the byte, a control character (but tab) as "^X" if ECHOCTL is set. */
    void echoChar(int c) {
        if (c == ECHO_OP_START) {
            addEchoByte(ECHO_OP_START);
            addEchoByte(ECHO_OP_START);
            return;
        }
        if (tty.l(Termios.ECHOCTL) && NTty.iscntrl(c) && c != '\t') {
            addEchoByte(ECHO_OP_START);
        }
        addEchoByte(c);
    }

    /** The echo buffer is emptied: isig() throws away what a signal character made pointless. */
    void clearEchoes() {
        echoHead = echoTail = echoMark = echoCommit = 0;
    }

    /**
     * commit_echoes(): echoes are written in batches of ECHO_BLOCK bytes while input streams
     * in; whatever is left goes out at the end of the batch of input (flushEchoes).
     */
    void commitEchoes() {
        long head = echoHead;
        echoMark = head;
        long old = echoCommit - echoTail;
        long nr = head - echoTail;
        if (nr < ECHO_COMMIT_WATERMARK || nr % ECHO_BLOCK > old % ECHO_BLOCK) {
            return;
        }
        echoCommit = head;
        if (processEchoesNow() > 0) {
            tty.flushChars();
        }
    }

    /** process_echoes(): writes the echoes committed so far, e.g. before a program's output. */
    void processEchoes() {
        if (echoMark == echoTail) {
            return;
        }
        echoCommit = echoMark;
        if (processEchoesNow() > 0) {
            tty.flushChars();
        }
    }

    /** flush_echoes(): at the end of a batch of input, every echo goes out. */
    void flushEchoes() {
        if (!tty.l(Termios.ECHO) && !tty.l(Termios.ECHONL) || echoCommit == echoHead) {
            return;
        }
        echoCommit = echoHead;
        processEchoesNow();
    }

    /**
     * __process_echoes(): writes committed echoes while the device has room, doing each
     * operation as it comes. If the device is stopped so long that the buffer nearly fills, the
     * oldest echoes are dropped. Returns the bytes written.
     */
    private int processEchoesNow() {
        int oldSpace = tty.writeRoom(), space = oldSpace;
        long tail = echoTail;
        while (echoCommit != tail) {
            int c = echoBuf(tail);
            if (c == ECHO_OP_START) {
                if (echoCommit == tail + 1) {
                    break;                 // half an operation: not stored yet
                }
                int left = processEchoOp(tail, space);
                if (left < 0) {
                    break;
                }
                tail += echoOpLength(tail);
                space = left;
            } else {
                if (tty.o(OPOST)) {
                    int used = doOutputChar(c, space);
                    if (used < 0) {
                        break;
                    }
                    space -= used;
                } else {
                    if (space == 0) {
                        break;
                    }
                    tty.putChar(c);
                    space--;
                }
                tail++;
            }
        }
        while (echoCommit > tail && echoCommit - tail >= ECHO_DISCARD_WATERMARK) {
            tail += echoBuf(tail) == ECHO_OP_START ? echoOpLength(tail) : 1;
        }
        echoTail = tail;
        return oldSpace - space;
    }

    private int echoOpLength(long tail) {
        return echoBuf(tail + 1) == ECHO_OP_ERASE_TAB ? 3 : 2;
    }

    /**
     * n_tty_process_echo_ops(): does the operation at {@code tail} (an ECHO_OP_START byte) with
     * {@code space} bytes of room; the room left, or -1 if it does not fit.
     */
    private int processEchoOp(long tail, int space) {
        int op = echoBuf(tail + 1);
        switch (op) {
            case ECHO_OP_ERASE_TAB -> {
                int numChars = echoBuf(tail + 2);
                // Columns since a previous tab are counted from it; since the line's start, from
                // the column where the line started.
                if ((numChars & 0x80) == 0) {
                    numChars += canonColumn;
                }
                int numBs = 8 - (numChars & 7);
                if (numBs > space) {
                    return -1;
                }
                space -= numBs;
                while (numBs-- > 0) {
                    tty.putChar('\b');
                    if (column > 0) {
                        column--;
                    }
                }
            }
            case ECHO_OP_SET_CANON_COL -> canonColumn = column;
            case ECHO_OP_MOVE_BACK_COL -> {
                if (column > 0) {
                    column--;
                }
            }
            case ECHO_OP_START -> {           // an escaped 0xff byte
                if (space == 0) {
                    return -1;
                }
                tty.putChar(ECHO_OP_START);
                column++;
                space--;
            }
            default -> {                      // a control character shown as "^X"
                if (space < 2) {
                    return -1;
                }
                tty.putChar('^');
                tty.putChar(op ^ 0100);
                column += 2;
                space -= 2;
            }
        }
        return space;
    }
}
