package minikernel.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import minikernel.kernel.exec.ExecException;
import minikernel.kernel.exec.Executable;
import minikernel.kernel.syscall.Errno;
import org.junit.jupiter.api.Test;

/** A program the kernel cannot run is refused with a clear reason, and the machine stays clean. */
class ExecRefusalTest {
    private static ExecException refuse(byte[] file) {
        try (Kernel k = new Kernel(KernelConfig.defaults())) {
            ExecException e = assertThrows(ExecException.class,
                    () -> k.runProgram(new Executable("/tmp/bad", file), List.of("bad"), List.of()));
            return e;
        }
    }

    @Test
    void notAnElfFile() {
        ExecException e = refuse("#!/bin/sh\necho hi\n".getBytes());
        assertEquals(Errno.ENOEXEC, e.errno());
        assertTrue(e.getMessage().startsWith("/tmp/bad: "), e.getMessage());
    }

    @Test
    void truncatedProgram() throws Exception {
        Path hello = Guests.compile("hello", "int main(void){ return 0; }\n");
        byte[] whole = Files.readAllBytes(hello);
        ExecException e = refuse(Arrays.copyOf(whole, 100));   // cuts into the program headers
        assertEquals(Errno.ENOEXEC, e.errno());
    }

    @Test
    void sixtyFourBitProgram() throws Exception {
        Path dir = Files.createTempDirectory("mk64");
        Path src = dir.resolve("p.c");
        Files.writeString(src, "void _start(void){ for(;;); }\n");
        Process p = new ProcessBuilder("gcc", "-nostdlib", "-static", "-o", dir.resolve("p").toString(), src.toString())
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        org.junit.jupiter.api.Assumptions.assumeTrue(p.waitFor() == 0, "no host gcc");
        ExecException e = refuse(Files.readAllBytes(dir.resolve("p")));
        assertTrue(e.getMessage().contains("64"), e.getMessage());
    }
}
