package minikernel.tools;

import java.util.List;
import minikernel.cpu.NativeLibraries;
import minikernel.cpu.unicorn.UnicornException;
import minikernel.kernel.Kernel;
import minikernel.kernel.KernelConfig;
import minikernel.kernel.exec.ExecException;
import minikernel.kernel.exec.Executable;

/** Starts a kernel with {@code init} as pid 1 and reports what stops it from starting. */
final class Boot {
    private Boot() {
    }

    static int boot(KernelConfig config, Executable init, List<String> argv, List<String> env) {
        try (Kernel kernel = new Kernel(config)) {
            return kernel.boot(init, argv, env);
        } catch (ExecException e) {
            System.err.println("minikernel: cannot start init: " + e.getMessage());
            return 1;
        } catch (NativeLibraries.NativeLibraryException | UnicornException e) {
            System.err.println("minikernel: " + e.getMessage());
            return 1;
        }
    }
}
