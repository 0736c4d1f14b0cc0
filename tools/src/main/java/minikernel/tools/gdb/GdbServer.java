package minikernel.tools.gdb;

import java.io.IOException;
import java.util.List;
import minikernel.kernel.Kernel;
import minikernel.kernel.KernelConfig;
import minikernel.kernel.exec.ElfFile;
import minikernel.kernel.exec.ExecException;
import minikernel.tools.debug.Debugger;
import minikernel.tools.debug.ScriptLines;

/**
 * {@code run --gdb PORT} and {@code debug --gdb PORT}: the run waits for gdb at its first
 * instruction, gdb drives it through the stub, and hears how it ended.
 */
public final class GdbServer {
    /** What the kernel is to run (runProgram with a host file, or a path in the guest's root). */
    public interface Run {
        int run(Kernel kernel) throws ExecException;
    }

    private GdbServer() {
    }

    /** A port number for --gdb (0: any free one), or -1. */
    public static int port(String text) {
        try {
            int p = Integer.parseInt(text);
            return p >= 0 && p <= 65535 ? p : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** @param program the program's ELF for symbols (null: none), {@code name} what to tell gdb to load */
    public static int serve(KernelConfig config, ElfFile program, String name, int port, Run run)
            throws ExecException, IOException {
        Debugger d = new Debugger(new ScriptLines(List.of()), System.err, program);
        try (GdbStub stub = GdbStub.listen(port, d, System.err, name)) {
            d.setFrontEnd(stub);
            try (Kernel kernel = new Kernel(config)) {
                d.attach(kernel);
                int status = run.run(kernel);
                stub.finished(kernel.programWaitStatus());
                return status;
            }
        }
    }
}
