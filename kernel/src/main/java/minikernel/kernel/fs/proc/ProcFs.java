package minikernel.kernel.fs.proc;

import minikernel.kernel.Kernel;
import minikernel.kernel.fs.SuperBlock;
import minikernel.kernel.fs.ramfs.RamFs;

public final class ProcFs {
    private ProcFs() {
    }

    public static SuperBlock create(Kernel kernel) {
        return RamFs.create(kernel, "proc", 0555);
    }
}
