package minikernel.kernel.drivers.tty;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A terminal's settings: Linux's {@code struct ktermios} (include/linux/termios.h) with the flag
 * and control-character names of include/uapi/asm-generic/termbits.h, which i386 uses. The user
 * sees three layouts of it: struct termios (TCGETS, 36 bytes), struct termios2 (TCGETS2, the same
 * plus the two speeds, 44 bytes) and the old SysV struct termio (TCGETA, 18 bytes).
 */
public final class Termios {
    // c_cc indexes
    public static final int VINTR = 0, VQUIT = 1, VERASE = 2, VKILL = 3, VEOF = 4, VTIME = 5, VMIN = 6,
            VSWTC = 7, VSTART = 8, VSTOP = 9, VSUSP = 10, VEOL = 11, VREPRINT = 12, VDISCARD = 13,
            VWERASE = 14, VLNEXT = 15, VEOL2 = 16;
    /** NCCS of the kernel's struct termios; the SysV struct termio has NCC = 8. */
    public static final int NCCS = 19, NCC = 8;
    /** _POSIX_VDISABLE: a control character set to 0 is switched off. */
    public static final byte DISABLED_CHAR = 0;

    // c_iflag
    public static final int IGNBRK = 0000001, BRKINT = 0000002, IGNPAR = 0000004, PARMRK = 0000010,
            INPCK = 0000020, ISTRIP = 0000040, INLCR = 0000100, IGNCR = 0000200, ICRNL = 0000400,
            IUCLC = 0001000, IXON = 0002000, IXANY = 0004000, IXOFF = 0010000, IMAXBEL = 0020000,
            IUTF8 = 0040000;
    // c_oflag
    public static final int OPOST = 0000001, OLCUC = 0000002, ONLCR = 0000004, OCRNL = 0000010,
            ONOCR = 0000020, ONLRET = 0000040, OFILL = 0000100, OFDEL = 0000200, TABDLY = 0014000,
            XTABS = 0014000;
    // c_cflag
    public static final int CBAUD = 0010017, B38400 = 0000017, CSIZE = 0000060, CS8 = 0000060,
            CSTOPB = 0000100, CREAD = 0000200, PARENB = 0000400, PARODD = 0001000, HUPCL = 0002000,
            CLOCAL = 0004000, CBAUDEX = 0010000, BOTHER = 0010000, CIBAUD = 002003600000;
    /** The input speed sits this far up in c_cflag (CIBAUD). */
    public static final int IBSHIFT = 16;
    // c_lflag
    public static final int ISIG = 0000001, ICANON = 0000002, XCASE = 0000004, ECHO = 0000010,
            ECHOE = 0000020, ECHOK = 0000040, ECHONL = 0000100, NOFLSH = 0000200, TOSTOP = 0000400,
            ECHOCTL = 0001000, ECHOPRT = 0002000, ECHOKE = 0004000, FLUSHO = 0010000, PENDIN = 0040000,
            IEXTEN = 0100000, EXTPROC = 0200000;

    /** Sizes of the three user layouts. */
    public static final int TERMIOS_SIZE = 36, TERMIOS2_SIZE = 44, TERMIO_SIZE = 18;

    /**
     * INIT_C_CC (include/linux/tty.h): ^C ^\ DEL ^U ^D, time 0, min 1, swtch off, ^Q ^S ^Z, eol
     * off, ^R ^O ^W ^V, eol2 off.
     */
    private static final byte[] INIT_C_CC = {
        3, 034, 0177, 025, 4, 0, 1, 0, 021, 023, 032, 0, 022, 017, 027, 026, 0, 0, 0};

    /** tty_baudrate.c's baud_table: the speed of each Bnnn code, CBAUDEX codes from index 16. */
    private static final int[] BAUD_TABLE = {
        0, 50, 75, 110, 134, 150, 200, 300, 600, 1200, 1800, 2400, 4800, 9600, 19200, 38400,
        57600, 115200, 230400, 460800, 500000, 576000, 921600, 1000000, 1152000, 1500000, 2000000,
        2500000, 3000000, 3500000, 4000000};

    public int iflag, oflag, cflag, lflag;
    public byte line;
    public final byte[] cc = new byte[NCCS];
    public int ispeed, ospeed;

    /** tty_std_termios (drivers/tty/tty_io.c): what a new terminal starts with. */
    public static Termios standard() {
        Termios t = new Termios();
        t.iflag = ICRNL | IXON;
        t.oflag = OPOST | ONLCR;
        t.cflag = B38400 | CS8 | CREAD | HUPCL;
        t.lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE | IEXTEN;
        System.arraycopy(INIT_C_CC, 0, t.cc, 0, NCCS);
        t.ispeed = 38400;
        t.ospeed = 38400;
        return t;
    }

    public Termios copy() {
        Termios t = new Termios();
        t.iflag = iflag;
        t.oflag = oflag;
        t.cflag = cflag;
        t.lflag = lflag;
        t.line = line;
        System.arraycopy(cc, 0, t.cc, 0, NCCS);
        t.ispeed = ispeed;
        t.ospeed = ospeed;
        return t;
    }

    /** The control character {@code v} as an unsigned byte value. */
    public int cc(int v) {
        return cc[v] & 0xff;
    }

    // ---- the user layouts ----------------------------------------------------------------------

    /** kernel_termios_to_user_termios_1 (TCGETS) or kernel_termios_to_user_termios (TCGETS2). */
    public byte[] toUser(boolean termios2) {
        ByteBuffer b = ByteBuffer.allocate(termios2 ? TERMIOS2_SIZE : TERMIOS_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(iflag).putInt(oflag).putInt(cflag).putInt(lflag).put(line).put(cc);
        if (termios2) {
            b.putInt(ispeed).putInt(ospeed);
        }
        return b.array();
    }

    /**
     * user_termios_to_kernel_termios_1 (TCSETS) or user_termios_to_kernel_termios (TCSETS2).
     * Speeds not given by the user are left as they are, and are then worked out from c_cflag.
     */
    public void fromUser(byte[] user, boolean termios2) {
        ByteBuffer b = ByteBuffer.wrap(user).order(ByteOrder.LITTLE_ENDIAN);
        iflag = b.getInt();
        oflag = b.getInt();
        cflag = b.getInt();
        lflag = b.getInt();
        line = b.get();
        b.get(cc);
        if (termios2) {
            ispeed = b.getInt();
            ospeed = b.getInt();
        }
    }

    /** kernel_termios_to_user_termio (TCGETA): the low 16 bits of each flag word, NCC characters. */
    public byte[] toUserTermio() {
        ByteBuffer b = ByteBuffer.allocate(TERMIO_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) iflag).putShort((short) oflag).putShort((short) cflag).putShort((short) lflag);
        b.put(line).put(cc, 0, NCC);
        return b.array();
    }

    /** user_termio_to_kernel_termios (TCSETA): replaces the low 16 bits, keeps the high ones. */
    public void fromUserTermio(byte[] user) {
        ByteBuffer b = ByteBuffer.wrap(user).order(ByteOrder.LITTLE_ENDIAN);
        iflag = iflag & 0xffff0000 | b.getShort() & 0xffff;
        oflag = oflag & 0xffff0000 | b.getShort() & 0xffff;
        cflag = cflag & 0xffff0000 | b.getShort() & 0xffff;
        lflag = lflag & 0xffff0000 | b.getShort() & 0xffff;
        line = b.get();
        b.get(cc, 0, NCC);
    }

    /**
     * tty_termios_baud_rate() and tty_termios_input_baud_rate(): the speeds the Bnnn codes in
     * c_cflag stand for (BOTHER keeps the speed given in termios2; an input code of B0 means
     * "the same as the output").
     */
    public void computeSpeeds() {
        int out = speedOf(cflag & CBAUD, ospeed);
        int inCode = (cflag >>> IBSHIFT) & CBAUD;
        ispeed = inCode == 0 ? out : speedOf(inCode, ispeed);
        ospeed = out;
    }

    private static int speedOf(int code, int given) {
        if (code == BOTHER) {
            return given;
        }
        int index = code & ~CBAUDEX;
        if ((code & CBAUDEX) != 0) {
            index += 15;
        }
        return index < BAUD_TABLE.length ? BAUD_TABLE[index] : 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Termios t && t.iflag == iflag && t.oflag == oflag && t.cflag == cflag
                && t.lflag == lflag && t.line == line && Arrays.equals(t.cc, cc);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(cc) ^ iflag ^ oflag * 31 ^ cflag * 961 ^ lflag * 29791;
    }
}
