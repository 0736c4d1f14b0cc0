package minikernel.tools;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import javax.xml.parsers.DocumentBuilderFactory;
import minikernel.kernel.Kernel;
import minikernel.kernel.KernelConfig;
import minikernel.kernel.drivers.HostFd;
import minikernel.kernel.inspect.SharedObject;
import minikernel.kernel.inspect.SharingDot;
import minikernel.kernel.inspect.SharingRecorder;
import minikernel.kernel.inspect.SharingSnapshot;
import minikernel.kernel.inspect.SharingText;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sharing diagram of the default image's sharedemo: the seed article's picture (two threads
 * pointing at their creator's mm, fs, files, sighand and signal; a child process at copies), with
 * the reference counts those pointers imply, compared with a golden DOT file so any change to the
 * picture is deliberate.
 */
class DiagramTest {
    @TempDir
    Path tmp;

    /** Runs /bin/sharedemo of the default image (root "/" of the image) and returns what the recorder took. */
    private SharingSnapshot run(Function<Kernel, SharingRecorder> recorder) throws Exception {
        int in = HostFd.open("/dev/null", 0, 0), out = HostFd.open("/dev/null", 1, 0);
        KernelConfig config = KernelConfig.defaults().withRoot(RootImage.load(), "/").withConsole(in, out, out);
        try (Kernel kernel = new Kernel(config)) {
            SharingRecorder r = recorder.apply(kernel);
            assertEquals(0, kernel.runProgram("/bin/sharedemo", List.of("sharedemo"), List.of("PATH=/bin")));
            return r.snapshot().orElseThrow();
        } finally {
            HostFd.close(in);
            HostFd.close(out);
        }
    }

    @Test
    void sharedemoAtItsBusiestMatchesTheGoldenDot() throws Exception {
        String dot = SharingDot.write(run(SharingRecorder::mostTasks));
        String golden;
        try (InputStream g = DiagramTest.class.getResourceAsStream("sharedemo.dot")) {
            golden = new String(g.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!golden.equals(dot)) {
            Path actual = Path.of("target", "sharedemo.dot.actual");
            Files.writeString(actual, dot);
            assertEquals(golden, dot, "the diagram changed; if that is meant, copy " + actual.toAbsolutePath()
                    + " to tools/src/test/resources/minikernel/tools/sharedemo.dot");
        }
    }

    @Test
    void threadsShareEveryObjectAndTheChildHasCopies() throws Exception {
        SharingSnapshot s = run(SharingRecorder::mostTasks);
        assertEquals(4, s.tasks().size(), SharingText.write(s));
        SharingSnapshot.TaskNode main = s.tasks().get(0), child = s.tasks().get(3);
        assertAll(
                () -> assertEquals(main.uses(), s.tasks().get(1).uses(), "thread 1"),
                () -> assertEquals(main.uses(), s.tasks().get(2).uses(), "thread 2"),
                () -> {
                    for (SharedObject kind : SharedObject.values()) {
                        assertTrue(!main.uses().get(kind).equals(child.uses().get(kind)), kind + " of the child");
                    }
                },
                () -> {
                    for (SharingSnapshot.ObjectNode o : s.objects()) {
                        int users = (int) s.tasks().stream().filter(t -> t.uses().get(o.kind()) == o.number()).count();
                        assertEquals(users, o.count(), o.name() + ": the count is the number of tasks pointing to it");
                    }
                });
    }

    @Test
    void atTheFirstCloneOnlyOneThreadShares() throws Exception {
        SharingSnapshot s = run(k -> SharingRecorder.atSyscall(k, "clone", 1));
        String text = SharingText.write(s);
        assertAll(
                () -> assertEquals(2, s.tasks().size(), text),
                () -> assertTrue(text.contains("mm#1       mm_struct       mm_users 2"), text),
                () -> assertTrue(s.moment().startsWith("as clone #1 returned "), s.moment()));
    }

    @Test
    void dotTurnsTheFileIntoValidSvg() throws Exception {
        Path dot = tmp.resolve("sharing.dot");
        int status = Main.run(new String[]{"diagram", "-o", dot.toString(), "--no-svg", "true"});
        assertEquals(0, status);
        assertTrue(Files.readString(dot).startsWith("digraph sharing {"));
        Process p;
        try {
            p = new ProcessBuilder("dot", "-Tsvg", dot.toString()).redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            Assumptions.abort("Graphviz's dot is not installed");
            return;
        }
        byte[] svg = p.getInputStream().readAllBytes();
        assertEquals(0, p.waitFor(), new String(svg, StandardCharsets.UTF_8));
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        assertEquals("svg", f.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(svg))
                .getDocumentElement().getNodeName());
    }

    @Test
    void badArgumentsAreUsageErrors() {
        assertEquals(2, Main.run(new String[]{"diagram", "--at", "no_such_call", "hello"}));
        assertEquals(2, Main.run(new String[]{"diagram", "--at", "clone:0", "hello"}));
        assertEquals(2, Main.run(new String[]{"diagram"}));
        assertEquals(1, Main.run(new String[]{"diagram", "--no-svg", "-o", tmp.resolve("x.dot").toString(), "--at",
                "clone", "true"}));
    }
}
