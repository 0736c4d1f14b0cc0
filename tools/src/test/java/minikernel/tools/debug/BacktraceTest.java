package minikernel.tools.debug;

import static minikernel.tools.debug.TestPrograms.HELPER;
import static minikernel.tools.debug.TestPrograms.MAIN;
import static minikernel.tools.debug.TestPrograms.START;
import static minikernel.tools.debug.TestPrograms.WORKER;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BacktraceTest {
    private static final long STACK = 0xbfff_f000L;

    private final FakeRegisters registers = new FakeRegisters();
    private final FakeMemory memory = new FakeMemory()
            // worker's body (no prologue bytes at eip), and helper's first two instructions.
            .map(WORKER, "90 90 90 90 90 90 90 90 90 90 90 90 90 90 90 90")
            .map(HELPER, "55 89 e5 90 c3");
    private final Backtrace backtrace = new Backtrace(memory, registers, TestPrograms.symbols());

    /**
     * _start called main, which called worker: worker's frame at STACK+0x10, main's at STACK+0x30,
     * and main's saved ebp is 0 (_start's xor %ebp,%ebp).
     */
    private void threeFrames() {
        memory.words(STACK, 0xdead, 0xbeef, 0, 0,
                STACK + 0x30, MAIN + 0x11, 0, 0, 0, 0, 0, 0,     // worker's frame: saved ebp, return into main
                0, START + 0x1c);                                // main's frame: saved ebp 0, return into _start
        registers.set("esp", STACK);
        registers.set("ebp", STACK + 0x10);
        registers.set("eip", WORKER + 12);
    }

    @Test
    void followsTheFramePointerChain() {
        threeFrames();
        assertEquals(String.join("\n",
                "#0  0x0804902c in worker+12 ()",
                "#1  0x08049011 in main+17 ()",
                "#2  0x0804911c in _start+28 ()"), backtrace.format());
        assertEquals(List.of(new Backtrace.Frame(0, WORKER + 12), new Backtrace.Frame(1, MAIN + 0x11),
                new Backtrace.Frame(2, START + 0x1c)), backtrace.walk().frames());
        assertEquals(Optional.empty(), backtrace.walk().stopReason());
    }

    @Test
    void atPushEbpTheReturnAddressIsAtEsp() {
        threeFrames();
        // worker called helper; helper has not pushed ebp yet: [esp] is the return into worker.
        memory.words(STACK - 0x10, WORKER + 5);
        registers.set("esp", STACK - 0x10);
        registers.set("eip", HELPER);
        assertEquals(String.join("\n",
                "#0  0x08049060 in helper ()",
                "#1  0x08049025 in worker+5 ()",
                "#2  0x08049011 in main+17 ()",
                "#3  0x0804911c in _start+28 ()"), backtrace.format());
    }

    @Test
    void atMovEspEbpTheReturnAddressIsAtEspPlus4() {
        threeFrames();
        // helper pushed worker's ebp: [esp] = STACK+0x10, [esp+4] = return into worker.
        memory.words(STACK - 0x14, STACK + 0x10, WORKER + 5);
        registers.set("esp", STACK - 0x14);
        registers.set("eip", HELPER + 1);
        assertEquals(String.join("\n",
                "#0  0x08049061 in helper+1 ()",
                "#1  0x08049025 in worker+5 ()",
                "#2  0x08049011 in main+17 ()",
                "#3  0x0804911c in _start+28 ()"), backtrace.format());
    }

    @Test
    void atRetTheFrameIsAlreadyGone() {
        threeFrames();
        memory.words(STACK - 0x10, WORKER + 5);
        registers.set("esp", STACK - 0x10);
        registers.set("eip", HELPER + 4);
        assertEquals(List.of(HELPER + 4, WORKER + 5, MAIN + 0x11, START + 0x1c),
                backtrace.walk().frames().stream().map(Backtrace.Frame::pc).toList());
    }

    @Test
    void unknownAddressesPrintAsQuestionMarks() {
        threeFrames();
        registers.set("eip", 0x1234);
        assertEquals("#0  0x00001234 in ?? ()", backtrace.format().lines().findFirst().orElseThrow());
    }

    @Test
    void stopsAtUnreadableMemory() {
        registers.set("eip", WORKER + 12);
        registers.set("ebp", 0x1000);
        assertEquals("#0  0x0804902c in worker+12 ()\nBacktrace stopped: cannot read memory at 0x1004",
                backtrace.format());
    }

    @Test
    void stopsWhenTheChainDoesNotGoUp() {
        // A saved ebp below the frame it was saved in: corrupt, and following it could loop.
        memory.words(STACK, STACK - 0x100, MAIN + 1);
        registers.set("eip", WORKER + 12);
        registers.set("ebp", STACK);
        assertEquals(String.join("\n",
                "#0  0x0804902c in worker+12 ()",
                "#1  0x08049001 in main+1 ()",
                "Backtrace stopped: previous frame inner to this frame (corrupt stack?)"), backtrace.format());
    }

    @Test
    void stopsAfter64Frames() {
        long[] words = new long[200];
        for (int i = 0; i < 100; i++) {
            words[2 * i] = STACK + 8L * (i + 1);    // each frame's caller is 8 bytes up
            words[2 * i + 1] = MAIN + i % 13;
        }
        memory.words(STACK, words);
        registers.set("eip", WORKER);
        registers.set("ebp", STACK);
        Backtrace.Chain chain = backtrace.walk();
        assertEquals(Backtrace.MAX_FRAMES, chain.frames().size());
        assertEquals(Optional.of("(More stack frames follow...)"), chain.stopReason());
        assertEquals("#10 0x08049009 in main+9 ()", backtrace.line(chain.frames().get(10)));
    }
}
