package minikernel.tools.gdb;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The GDB Remote Serial Protocol's framing over one TCP connection: {@code $data#cs} packets,
 * {@code +}/{@code -} acknowledgements (until QStartNoAckMode), {@code }} escapes, and the
 * interrupt byte 0x03. A reader thread checks each packet's checksum ({@code -} for a bad one, so
 * gdb resends) and queues the good ones; 0x03 calls the interrupt handler at once, while the guest
 * runs. Bytes are chars 0-255 (ISO-8859-1) so binary data passes unchanged.
 */
final class RspChannel implements AutoCloseable {
    /** The largest packet gdb may send (qSupported's PacketSize, in hex there). */
    static final int PACKET_SIZE = 0x4000;
    private static final String EOF = new String("end of connection");

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final BlockingQueue<String> packets = new LinkedBlockingQueue<>();
    private final Runnable onInterrupt;
    private volatile boolean ack = true;
    private String last = "";

    RspChannel(Socket socket, Runnable onInterrupt) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.onInterrupt = onInterrupt;
        Thread reader = new Thread(this::readLoop, "gdb-rsp-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** The next packet's data, waiting for it; null once the connection has ended. */
    String next() throws InterruptedException {
        String p = packets.take();
        if (p == EOF) {
            packets.add(EOF);          // every later call sees the end too
            return null;
        }
        return p;
    }

    /** The next packet within {@code millis}, or null (none came, or the connection ended). */
    String next(long millis) throws InterruptedException {
        String p = packets.poll(millis, TimeUnit.MILLISECONDS);
        if (p == EOF) {
            packets.add(EOF);
            return null;
        }
        return p;
    }

    /** Sends one packet (the checksum added); gdb's '-' makes the reader send it again. */
    synchronized void send(String data) {
        last = data;
        int sum = 0;
        for (int i = 0; i < data.length(); i++) {
            sum += data.charAt(i);
        }
        write("$" + data + "#" + String.format("%02x", sum & 0xff));
    }

    /** QStartNoAckMode: after the OK, neither side acknowledges. */
    void stopAcknowledging() {
        ack = false;
    }

    private synchronized void write(String s) {
        try {
            out.write(s.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        } catch (IOException e) {
            close();                  // gdb is gone: the reader sees the end
        }
    }

    private void readLoop() {
        try {
            int c;
            while ((c = in.read()) >= 0) {
                switch (c) {
                    case 0x03 -> onInterrupt.run();
                    case '-' -> {
                        synchronized (this) {
                            send(last);
                        }
                    }
                    case '$' -> readPacket();
                    default -> {
                        // '+' and stray bytes between packets
                    }
                }
            }
        } catch (IOException e) {
            // the connection ended
        } finally {
            packets.add(EOF);
        }
    }

    /** After '$': the data up to '#', the two checksum digits; queued if they agree, '-' if not. */
    private void readPacket() throws IOException {
        StringBuilder raw = new StringBuilder();
        int sum = 0, c;
        while ((c = in.read()) >= 0 && c != '#') {
            if (raw.length() <= PACKET_SIZE) {
                raw.append((char) c);
            }
            sum += c;
        }
        int hi = in.read(), lo = in.read();
        if (c < 0 || hi < 0 || lo < 0) {
            return;
        }
        int given = Character.digit(hi, 16) << 4 | Character.digit(lo, 16);
        if (raw.length() > PACKET_SIZE || Character.digit(hi, 16) < 0 || Character.digit(lo, 16) < 0
                || given != (sum & 0xff)) {
            if (ack) {
                write("-");
            }
            return;
        }
        if (ack) {
            write("+");
        }
        packets.add(unescape(raw));
    }

    /** '}' escapes the next byte, XORed with 0x20 (binary data: X packets). */
    private static String unescape(CharSequence raw) {
        StringBuilder b = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char ch = raw.charAt(i);
            b.append(ch == '}' && i + 1 < raw.length() ? (char) (raw.charAt(++i) ^ 0x20) : ch);
        }
        return b.toString();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
