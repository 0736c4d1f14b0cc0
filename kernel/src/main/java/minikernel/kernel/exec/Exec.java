package minikernel.kernel.exec;

import java.util.List;
import minikernel.cpu.SegmentDescriptor;
import minikernel.kernel.Kernel;
import minikernel.kernel.mm.MappedFile;
import minikernel.kernel.mm.MmStruct;
import minikernel.kernel.sched.Task;
import minikernel.kernel.syscall.Errno;

/**
 * Replaces a task's program: do_execve() in fs/exec.c. Everything that can fail (parsing, a new
 * address space, the stack) happens before the point of no return; then the old mm is dropped,
 * TLS and caught signals are reset, and the task gets a fresh register set at the entry point.
 */
public final class Exec {
    private Exec() {
    }

    public static void execve(Task task, Executable exe, List<String> argv, List<String> envp) throws ExecException {
        Kernel kernel = task.kernel();
        ElfFile elf;
        try {
            elf = ElfFile.parse(exe.bytes());
        } catch (ElfException e) {
            throw new ExecException(Errno.ENOEXEC, exe.path() + ": " + e.getMessage());
        }
        MmStruct mm = MmStruct.allocate(kernel.ram(), kernel.frames());
        if (mm == null) {
            throw new ExecException(Errno.ENOMEM, exe.path() + ": out of memory");
        }
        ElfLoader.Loaded loaded = ElfLoader.load(mm, elf, new MappedFile(exe.path(), exe.bytes()));
        InitialStack.Layout layout;
        try {
            layout = InitialStack.create(mm, kernel.userAccess(), loaded, exe.path(), argv, envp,
                    kernel.credentials(), kernel.randomBytes(16));
        } catch (InitialStack.StackException e) {
            mm.mmput();
            throw new ExecException(Errno.E2BIG, exe.path() + ": " + e.getMessage());
        }
        mm.setStack(layout.sp(), layout.argStart(), layout.argEnd(), layout.envStart(), layout.envEnd());
        mm.setStackLimit(task.rlimits().cur(minikernel.kernel.sys.Rlimits.RLIMIT_STACK));

        // The point of no return (begin_new_exec): the old program is gone from here on.
        MmStruct old = task.mm();
        task.setMm(mm);
        if (old != null) {
            old.mmput();
        }
        task.setComm(exe.baseName());
        java.util.Arrays.fill(task.tls(), SegmentDescriptor.EMPTY);
        if (task.sighand() != null) {
            task.sighand().flushHandlers();
        }
        kernel.scheduler().releaseCpu();
        if (task.context() != null) {
            kernel.cpu().freeContext(task.context());
        }
        task.setContext(kernel.cpu().newUserContext(loaded.entry(), layout.sp()));
    }
}
