package minikernel.tools.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import minikernel.cpu.capstone.Disassembler;
import minikernel.kernel.exec.ElfFile;
import minikernel.kernel.exec.ElfSegment;
import org.junit.jupiter.api.Test;

/**
 * The views over a real guest program (userland/programs/hello.c, built with the project's libc),
 * its memory made from the ELF's PT_LOAD segments as exec would map them.
 */
class GuestProgramTest {
    @Test
    void helloMainDisassemblesAndItsMessageReads() throws Exception {
        byte[] file = TestPrograms.guestProgram("hello");
        ElfFile elf = ElfFile.parse(file);
        FakeMemory memory = new FakeMemory();
        for (ElfSegment segment : elf.loadSegments()) {
            byte[] image = new byte[(int) segment.memsz()];
            byte[] bytes = elf.fileBytes(segment);
            System.arraycopy(bytes, 0, image, 0, bytes.length);
            memory.map(segment.vaddr(), image);
        }
        Symbols symbols = Symbols.fromElf(file);
        long main = symbols.address("main").orElseThrow();
        FakeRegisters registers = new FakeRegisters().with("eip", main);
        try (Disassembler disassembler = new Disassembler()) {
            Disassembly disassembly = new Disassembly(memory, registers, symbols, disassembler);
            List<String> lines = disassembly.run("main").lines().toList();
            assertEquals("=> " + Words.hex8(main) + " <main+0>:\tpush   %ebp", lines.getFirst());
            assertEquals("   " + Words.hex8(main + 1) + " <main+1>:\tmov    %esp,%ebp", lines.get(1));
            assertEquals("ret", lines.getLast().substring(lines.getLast().indexOf('\t') + 1));
            String printf = Words.hex(symbols.address("printf").orElseThrow());
            assertTrue(lines.stream().anyMatch(l -> l.endsWith("\tcall   " + printf + " <printf>")), lines.toString());

            // main passes the message's address in its one movl $ADDR,(%esp).
            String movl = lines.stream().filter(l -> l.contains("\tmovl   $0x")).findFirst().orElseThrow();
            String message = movl.substring(movl.indexOf('$') + 1, movl.indexOf(','));
            Examine examine = new Examine(memory, registers, symbols, disassembly);
            assertEquals(message + ":\t\"Hello, world!\\n\"", examine.run("/s " + message));
        }
    }
}
