package minikernel.kernel.exec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import minikernel.cpu.SegmentDescriptor;
import minikernel.kernel.Kernel;
import minikernel.kernel.fs.Namei;
import minikernel.kernel.mm.MappedFile;
import minikernel.kernel.mm.MmStruct;
import minikernel.kernel.mm.UserAccess;
import minikernel.kernel.sched.Exit;
import minikernel.kernel.sched.Task;
import minikernel.kernel.sys.Rlimits;
import minikernel.kernel.syscall.Errno;
import minikernel.kernel.syscall.Syscall;

/**
 * Replaces a task's program: do_execve() in fs/exec.c. Everything that can fail (finding and
 * parsing the file, a new address space, the stack) happens before the point of no return, so a
 * failed exec leaves the caller as it was; after it, the old mm is released, close-on-exec
 * descriptors are closed, TLS and caught signals are reset, and the task starts over at the entry
 * point with fresh registers, keeping its pid.
 */
public final class Exec {
    /** MAX_ARG_STRLEN: one argument or environment string may be at most 32 pages. */
    private static final int MAX_ARG_STRLEN = 32 * 4096;
    /** MAX_ARG_STRINGS. */
    private static final int MAX_ARG_STRINGS = 0x7fffffff;

    private Exec() {
    }

    /** execve(2): on success the caller's old program is gone, so nothing is returned to it. */
    public static long sysExecve(Task current, long filename, long argvPtr, long envpPtr) {
        UserAccess ua = current.kernel().userAccess();
        UserAccess.UserString name = ua.strncpyFromUser(current.mm(), filename, Namei.PATH_MAX);
        if (name instanceof UserAccess.UserString.Fault) {
            return Errno.EFAULT.negative();
        }
        if (name instanceof UserAccess.UserString.TooLong) {
            return Errno.ENAMETOOLONG.negative();
        }
        List<String> argv = new ArrayList<>(), envp = new ArrayList<>();
        Errno bad = copyStrings(current, argvPtr, argv);
        if (bad == null) {
            bad = copyStrings(current, envpPtr, envp);
        }
        if (bad != null) {
            return bad.negative();
        }
        String path = ((UserAccess.UserString.Ok) name).value();
        Executable exe;
        try {
            exe = openExec(current, path);
        } catch (minikernel.kernel.fs.VfsError e) {
            return e.negative();
        }
        try {
            execve(current, exe, argv, envp);
        } catch (ExecException e) {
            return e.errno().negative();
        }
        current.kernel().cpu().stopAfterHook();
        return Syscall.NO_RETURN;
    }

    /**
     * do_open_execat() and kernel_read_file(): the program must be a regular file the task may
     * execute (EACCES otherwise: directories, devices, no x bit); its bytes are read whole.
     */
    public static Executable openExec(Task current, String name) {
        minikernel.kernel.fs.Path p = Namei.lookup(current, name);
        minikernel.kernel.fs.Inode inode = p.inode();
        if (!inode.isRegular()) {
            throw new minikernel.kernel.fs.VfsError(Errno.EACCES);
        }
        minikernel.kernel.fs.Permission.check(current.cred(), inode, minikernel.kernel.fs.Permission.MAY_EXEC);
        minikernel.kernel.fs.File f = inode.open(p, minikernel.kernel.fs.File.O_RDONLY);
        try {
            long size = f.stat().size();
            if (size > Integer.MAX_VALUE - 8) {
                throw new minikernel.kernel.fs.VfsError(Errno.EFBIG);
            }
            byte[] bytes = new byte[(int) size];
            int done = 0;
            while (done < bytes.length) {
                long n = f.readAt(done, bytes, done, bytes.length - done);
                if (n < 0) {
                    throw new minikernel.kernel.fs.VfsError(Errno.of((int) -n) != null ? Errno.of((int) -n) : Errno.EIO);
                }
                if (n == 0) {
                    break;
                }
                done += (int) n;
            }
            return new Executable(Namei.dPath(current, p), name, java.util.Arrays.copyOf(bytes, done));
        } finally {
            f.put();
        }
    }

    /** copy_strings(): a NULL-terminated array of string pointers (a NULL array is empty). */
    private static Errno copyStrings(Task current, long array, List<String> into) {
        if (array == 0) {
            return null;
        }
        UserAccess ua = current.kernel().userAccess();
        long total = 0;
        for (int i = 0; i < MAX_ARG_STRINGS; i++) {
            long p = ua.getUser32(current.mm(), array + 4L * i);
            if (p == Long.MIN_VALUE) {
                return Errno.EFAULT;
            }
            if (p == 0) {
                return null;
            }
            UserAccess.UserString s = ua.strncpyFromUser(current.mm(), p, MAX_ARG_STRLEN - 1);
            if (s instanceof UserAccess.UserString.Fault) {
                return Errno.EFAULT;
            }
            if (s instanceof UserAccess.UserString.TooLong) {
                return Errno.E2BIG;
            }
            String v = ((UserAccess.UserString.Ok) s).value();
            total += v.length() + 1 + 4;
            if (total > MmStruct.STACK_LIMIT / 4) {
                return Errno.E2BIG;
            }
            into.add(v);
        }
        return Errno.E2BIG;
    }

    /**
     * The work of execve for {@code task}: from the system call, or from the kernel for the first
     * programs (init, or the program under {@code run}).
     */
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
        ElfLoader.Loaded loaded = ElfLoader.load(mm, elf, MappedFile.ofBytes(exe.path(), exe.bytes()));
        InitialStack.Layout layout;
        try {
            layout = InitialStack.create(mm, kernel.userAccess(), loaded, exe.filename(), argv, envp,
                    kernel.credentials(), kernel.randomBytes(16));
        } catch (InitialStack.StackException e) {
            mm.mmput();
            throw new ExecException(Errno.E2BIG, exe.path() + ": " + e.getMessage());
        }
        mm.setStack(layout.sp(), layout.argStart(), layout.argEnd(), layout.envStart(), layout.envEnd());
        mm.setStackLimit(task.rlimits().cur(Rlimits.RLIMIT_STACK));
        beginNewExec(task, mm);
        task.setComm(exe.baseName());
        task.setStartRegisters(loaded.entry(), layout.sp());
        kernel.tracepoints().schedProcessExec(task, exe);
    }

    /**
     * begin_new_exec(): the point of no return. The old address space is released (a vfork parent
     * wakes), close-on-exec descriptors close, TLS entries clear and caught signals revert.
     */
    private static void beginNewExec(Task task, MmStruct mm) {
        Kernel kernel = task.kernel();
        Exit.deThread(task);
        MmStruct old = task.mm();
        task.setMm(mm);
        if (old != null) {
            Exit.mmRelease(task, old);
            task.signal().noteRss(old.peakResidentPages());
            long oldPgd = old.pageTables().pgd();
            if (old.mmput() && kernel.cpu().mmu().cr3() == oldPgd) {
                kernel.cpu().switchMm(mm.pageTables().pgd());
            }
        }
        task.setDidExec();
        if (task.files() != null) {
            if (task.files().count() > 1) {
                // unshare_files(): a table shared with other tasks is copied before closing in it.
                minikernel.kernel.fs.FilesStruct own = minikernel.kernel.fork.CopyFiles.dupFd(task.files());
                task.files().put();
                task.setFiles(own);
            }
            task.files().closeOnExec();
        }
        Arrays.fill(task.tls(), SegmentDescriptor.EMPTY);
        if (task.sighand() != null) {
            task.sighand().flushHandlers();
        }
        task.setAltStack(0, 0, 0);               // the old program's stacks are gone
    }
}
