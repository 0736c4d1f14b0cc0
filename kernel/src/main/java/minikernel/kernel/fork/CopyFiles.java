package minikernel.kernel.fork;

import minikernel.kernel.fs.File;
import minikernel.kernel.fs.FilesStruct;

/**
 * copy_files() (kernel/fork.c) and dup_fd() (fs/file.c): what a new task's descriptor table is.
 * With CLONE_FILES parent and child use one table, counted by its sharers; without, the child gets
 * a copy whose slots point to the parent's open {@link File}s, each with one more reference, so
 * both see one file offset while a close in one leaves the other's descriptor open.
 *
 * <p>This class is the kernel lab (tests/labs/kernel): the code between the {@code LAB} markers is
 * removed from the starter that {@code ./minikernel grade tests/labs/kernel/suite.json --starter
 * DIR} writes, and students write it again using only FilesStruct's and File's public methods.
 */
public final class CopyFiles {
    private CopyFiles() {
    }

    /** copy_files(): the child's table, given the parent's and the clone flags. */
    public static FilesStruct copyFiles(long cloneFlags, FilesStruct oldf) {
        // LAB BEGIN: throw new UnsupportedOperationException("copy_files(): yours to write (the kernel lab)");
        if (CloneFlag.CLONE_FILES.in(cloneFlags)) {
            return oldf.share();
        }
        return dupFd(oldf);
        // LAB END
    }

    /**
     * dup_fd(): a new table (count 1) holding every open descriptor of {@code oldf} at the same
     * number, with its close-on-exec flag; each File gains a reference for its new slot. Also used
     * by unshare(CLONE_FILES) and by exec in a task whose table is shared (unshare_files()).
     */
    public static FilesStruct dupFd(FilesStruct oldf) {
        // LAB BEGIN: throw new UnsupportedOperationException("dup_fd(): yours to write (the kernel lab)");
        FilesStruct newf = new FilesStruct();
        for (int fd = 0, last = oldf.maxFd(); fd <= last; fd++) {
            File f = oldf.get(fd);
            if (f != null) {
                newf.install(fd, f.get(), oldf.isCloseOnExec(fd));
            }
        }
        return newf;
        // LAB END
    }
}
