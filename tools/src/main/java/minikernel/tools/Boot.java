package minikernel.tools;

import java.util.List;
import minikernel.cpu.NativeLibraries;
import minikernel.cpu.unicorn.UnicornException;
import minikernel.kernel.Kernel;
import minikernel.kernel.KernelConfig;
import minikernel.kernel.exec.ExecException;
import minikernel.kernel.exec.Executable;
import org.apache.commons.cli.CommandLine;

/** Starts a kernel with {@code init} as pid 1 and reports what stops it from starting. */
final class Boot {
    private Boot() {
    }

    static int boot(KernelConfig config, Executable init, List<String> argv, List<String> env, CommandLine cl) {
        long t0 = System.nanoTime();
        try (Kernel kernel = new Kernel(config)) {
            int status = kernel.boot(init, argv, env);
            KernelOptions.printStats(cl, kernel, t0);
            return status;
        } catch (ExecException e) {
            System.err.println("minikernel: cannot start init: " + e.getMessage());
            return 1;
        } catch (NativeLibraries.NativeLibraryException | UnicornException e) {
            System.err.println("minikernel: " + e.getMessage());
            return 1;
        }
    }
}
