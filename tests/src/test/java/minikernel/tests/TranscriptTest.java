package minikernel.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How TranscriptsTest reads a document's console blocks and compares their output. */
class TranscriptTest {

    @Test
    void aBlockIsItsCommandsEachWithTheOutputUnderIt() {
        List<Transcript> blocks = Transcript.parse("""
                text
                ```console
                $ ./minikernel run hello     # a comment
                Hello, world!

                $ ./minikernel run true
                $ echo a

                b
                ```
                more text
                """);
        assertEquals(1, blocks.size());
        Transcript b = blocks.get(0);
        assertEquals(Transcript.Mode.COMMANDS, b.mode);
        assertEquals(List.of(new Transcript.Step("./minikernel run hello     # a comment", "Hello, world!\n"),
                new Transcript.Step("./minikernel run true", ""),
                new Transcript.Step("echo a", "\nb\n")), b.steps);
        assertEquals("$ ./minikernel run hello     # a comment\nHello, world!\n\n$ ./minikernel run true\n$ echo a\n\nb\n",
                b.render(List.of("Hello, world!\n", "", "\nb\n")));
    }

    @Test
    void dotsStandForAnyLinesAndNothingElseDoes() {
        Transcript b = Transcript.parse("```console\n$ x\n```\n").get(0);
        assertTrue(b.matches("a\n...\nd\n", "a\nb\nc\nd\n"));
        assertTrue(b.matches("a\n...\nd\n", "a\nd\n"));
        assertTrue(b.matches("  ...\n", "anything\nat all\n"));
        assertFalse(b.matches("a\n...\nd\n", "a\nb\nc\n"));
        assertFalse(b.matches("a\nd\n", "a\nb\nd\n"));
        assertFalse(b.matches("a  b\n", "a b\n"), "spacing counts unless figures vary");
        assertTrue(b.rewritable());
        assertFalse(Transcript.parse("```console\n$ x\n...\n```\n").get(0).rewritable());
    }

    @Test
    void whereFiguresVaryOnlyTheWordsAndTheShapeCount() {
        Transcript b = Transcript.parse("<!-- transcript: figures vary; needs qemu-i386 -->\n```console\n$ x\n```\n")
                .get(0);
        assertTrue(b.figuresVary);
        assertEquals(List.of("qemu-i386"), b.needs);
        assertTrue(b.matches("fork+exit+wait     274 us ±20%    1.64 ms ±10%   0.19x\n",
                "fork+exit+wait   1.02 ms ±3%    980 us ±110%   2.00x\n"));
        assertFalse(b.matches("fork+exit+wait     274 us ±20%\n", "fork+exit+wait     -\n"));
        assertFalse(b.matches("switches 2.00\n", "flushes 2.00\n"));
        assertFalse(b.rewritable());
    }

    @Test
    void modesAndReasonsComeFromTheCommentAbove() {
        String text = """
                <!-- transcript: terminal -->
                ```console
                $ ./minikernel
                # ls
                ```
                <!-- transcript: console -->
                ```console
                $ ./minikernel debug hello
                (mk) regs
                ```
                <!-- transcript: not run: GdbTest runs gdb -->
                ```console
                (gdb) anything
                ```
                """;
        List<Transcript> blocks = Transcript.parse(text);
        assertEquals(Transcript.Mode.TERMINAL, blocks.get(0).mode);
        assertEquals(Transcript.Mode.CONSOLE, blocks.get(1).mode);
        assertEquals("GdbTest runs gdb", blocks.get(2).notRun);
        assertEquals(List.of(), blocks.get(2).steps);
        assertThrows(IllegalArgumentException.class,
                () -> Transcript.parse("<!-- transcript: not run: -->\n```console\n$ x\n```\n"), "a reason is needed");
        assertThrows(IllegalArgumentException.class,
                () -> Transcript.parse("<!-- transcript: sometimes -->\n```console\n$ x\n```\n"));
        assertThrows(IllegalArgumentException.class, () -> Transcript.parse("```console\noutput\n$ x\n```\n"));
    }

    @Test
    void tabsAreExpandedAsATerminalShowsThem() {
        assertEquals("cat     env\nab      c\n", TranscriptsTest.expandTabs("cat\tenv\nab\tc\n"));
    }
}
