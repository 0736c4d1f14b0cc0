package minikernel.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import minikernel.kernel.KernelConfig;
import minikernel.kernel.drivers.HostFd;
import minikernel.kernel.exec.Executable;
import minikernel.tools.gdb.GdbServer;
import org.junit.jupiter.api.Test;

/**
 * The stub under a stream of junk: random bytes, bad checksums, garbage with good checksums,
 * oversized packets and every packet with mangled arguments. After each burst it still answers
 * "?" with the stop, and a kill still ends the run; no exception leaves the stub or the kernel.
 */
class GdbStubFuzzTest {
    private static final String[] KNOWN = {"g", "G", "p", "P", "m", "M", "X", "Z0,", "z0,", "Z2,", "Z3,", "H", "T",
        "qSupported", "qXfer:features:read:", "qThreadExtraInfo,", "qC", "qfThreadInfo", "vCont;", "vCont?", "?",
        "qAttached", "D;", "c", "s"};

    @Test
    void junkNeverStopsTheStubAnswering() throws Exception {
        Executable hello = hello();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream err = System.err;
        AtomicReference<Throwable> failure = new AtomicReference<>();
        int devNull = HostFd.open("/dev/null", 2, 0);
        Thread server = new Thread(() -> {
            try {
                GdbServer.serve(KernelConfig.defaults().withConsole(devNull, devNull, devNull), null, "hello", 0,
                        k -> k.runProgram(hello, List.of("hello"), List.of()));
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            server.start();
            int port = port(log);
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                s.setSoTimeout(20_000);
                InputStream in = s.getInputStream();
                OutputStream out = s.getOutputStream();
                Random random = new Random(42);
                for (int round = 0; round < 30; round++) {
                    junk(out, random);
                    assertTrue(ask(out, in, "?").startsWith("T05thread:2;"), "round " + round);
                }
                assertEquals("OK", ask(out, in, "Hg2"));
                assertTrue(ask(out, in, "g").length() >= 16 * 8);
                out.write(packet("k"));
                out.flush();
            }
            server.join(30_000);
        } finally {
            System.setErr(err);
            HostFd.close(devNull);
        }
        assertTrue(!server.isAlive(), "the run did not end after k");
        assertNull(failure.get(), () -> "the stub threw: " + failure.get());
    }

    /** Junk: raw bytes, packets with bad checksums, good-checksum nonsense, and mangled known packets. */
    private static void junk(OutputStream out, Random r) throws IOException {
        byte[] raw = new byte[r.nextInt(64)];
        r.nextBytes(raw);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == 0x03 || raw[i] == '$') {
                raw[i] = 'x';                 // no interrupts, no half packets that swallow the next
            }
        }
        out.write(raw);
        out.write("$qSupported#00".getBytes(StandardCharsets.ISO_8859_1));          // bad checksum
        out.write(packet("q" + "A".repeat(r.nextInt(3) == 0 ? 20000 : 10)));         // oversized or unknown
        String known = KNOWN[r.nextInt(KNOWN.length)];
        if (!List.of("c", "s", "D;", "vCont;").contains(known)) {      // (those would let the guest go)
            StringBuilder args = new StringBuilder();
            for (int i = r.nextInt(12); i > 0; i--) {
                args.append("0123456789abcdefxyz,:;=-}*#$".charAt(r.nextInt(28)));
            }
            out.write(packet(known + args.toString().replace("#", "").replace("$", "").replace("}", "")));
        }
        out.flush();
    }

    /** Sends a packet and returns the next reply's data (skipping acknowledgements and other replies). */
    private static String ask(OutputStream out, InputStream in, String data) throws IOException {
        out.write(packet("qC"));                // a marker: the reply after its "QC2" is ours
        out.write(packet(data));
        out.flush();
        String reply;
        do {
            reply = read(in);
        } while (!reply.equals("QC2"));
        return read(in);
    }

    private static String read(InputStream in) throws IOException {
        int c;
        while ((c = in.read()) != '$') {
            if (c < 0) {
                throw new IOException("the stub closed the connection");
            }
        }
        StringBuilder b = new StringBuilder();
        while ((c = in.read()) != '#') {
            b.append((char) c);
        }
        in.read();
        in.read();
        return b.toString();
    }

    static byte[] packet(String data) {
        int sum = 0;
        for (char c : data.toCharArray()) {
            sum += c;
        }
        return ("$" + data + "#" + String.format("%02x", sum & 0xff)).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static int port(ByteArrayOutputStream log) throws InterruptedException {
        Pattern p = Pattern.compile("waiting for gdb on 127\\.0\\.0\\.1:(\\d+)");
        for (int i = 0; i < 300; i++) {
            Matcher m = p.matcher(log.toString(StandardCharsets.UTF_8));
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the stub never said its port: " + log);
    }

    private static Executable hello() throws IOException {
        return RootImage.executable(RootImage.load(), "/bin/hello").orElseThrow();
    }
}
