package minikernel.kernel.drivers.tty;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** struct winsize (include/uapi/asm-generic/termios.h): four unsigned shorts, 8 bytes. */
public record Winsize(int rows, int cols, int xpixel, int ypixel) {
    public static final int SIZE = 8;
    public static final Winsize ZERO = new Winsize(0, 0, 0, 0);

    public byte[] toUser() {
        return ByteBuffer.allocate(SIZE).order(ByteOrder.LITTLE_ENDIAN)
                .putShort((short) rows).putShort((short) cols).putShort((short) xpixel).putShort((short) ypixel)
                .array();
    }

    public static Winsize fromUser(byte[] b) {
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        return new Winsize(bb.getShort() & 0xffff, bb.getShort() & 0xffff, bb.getShort() & 0xffff,
                bb.getShort() & 0xffff);
    }
}
