package minikernel.kernel.fs;

import java.util.BitSet;

/**
 * A table of open file descriptors: Linux's {@code struct files_struct} with its fdtable. Threads
 * created with CLONE_FILES share one table (a close in one closes for all); fork makes a copy
 * (dup_fd(), in {@link minikernel.kernel.fork.CopyFiles}) whose slots point to the same {@link File}s, each with one more reference.
 */
public final class FilesStruct {
    /** The table's first size; it grows (expand_files) as higher descriptors are used. */
    public static final int NR_OPEN_DEFAULT = 64;
    /** sysctl fs.nr_open: no descriptor may be this high, whatever RLIMIT_NOFILE says. */
    public static final int NR_OPEN = 1 << 20;

    private int count = 1;                               // tasks sharing this table
    private File[] fd = new File[NR_OPEN_DEFAULT];
    private final BitSet closeOnExec = new BitSet();
    private int highWater;                                // no descriptor above this is open

    public int count() {
        return count;
    }

    /** CLONE_FILES: one more sharer. */
    public FilesStruct share() {
        if (count <= 0) {
            throw new IllegalStateException("sharing a freed files_struct");
        }
        count++;
        return this;
    }

    /** exit_files() / put_files_struct(): the last sharer closes every descriptor. */
    public void put() {
        if (count <= 0) {
            throw new IllegalStateException("files_struct put twice");
        }
        if (--count == 0) {
            for (int i = maxFd(); i >= 0; i--) {
                close(i);
            }
        }
    }

    /** fget(): the file at {@code n}, or null for a bad descriptor. */
    public File get(int n) {
        return n >= 0 && n < fd.length ? fd[n] : null;
    }

    /** The table's size now (what /proc/PID/status calls FDSize). */
    public int size() {
        return fd.length;
    }

    /** expand_files(): room for descriptor {@code n}, doubling the table. */
    private void expand(int n) {
        if (n >= fd.length) {
            int size = fd.length;
            while (size <= n) {
                size *= 2;
            }
            fd = java.util.Arrays.copyOf(fd, Math.min(size, NR_OPEN));
        }
    }

    /** fd_install at a chosen slot, replacing (and releasing) what was there, as dup2 does. */
    public void install(int n, File file, boolean cloexec) {
        expand(n);
        highWater = Math.max(highWater, n);
        File old = fd[n];
        fd[n] = file;
        closeOnExec.set(n, cloexec);
        if (old != null) {
            old.put();
        }
    }

    /**
     * get_unused_fd_flags + fd_install: puts {@code file} (the caller's reference) at the lowest
     * free descriptor at or above {@code from} and below {@code limit} (RLIMIT_NOFILE), growing the
     * table as needed; -1 if there is none (EMFILE), and the reference stays the caller's.
     */
    public int allocate(File file, int from, boolean cloexec, int limit) {
        int end = Math.min(limit, NR_OPEN);
        for (int n = Math.max(0, from); n < end; n++) {
            if (n >= fd.length) {
                expand(n);
            }
            if (fd[n] == null) {
                fd[n] = file;
                closeOnExec.set(n, cloexec);
                highWater = Math.max(highWater, n);
                return n;
            }
        }
        return -1;
    }

    /** close(): false if {@code n} was not open (EBADF). */
    public boolean close(int n) {
        File f = get(n);
        if (f == null) {
            return false;
        }
        fd[n] = null;
        closeOnExec.clear(n);
        f.put();
        return true;
    }

    public boolean isCloseOnExec(int n) {
        return closeOnExec.get(n);
    }

    public void setCloseOnExec(int n, boolean on) {
        closeOnExec.set(n, on);
    }

    /** do_close_on_exec(): at exec, every descriptor marked close-on-exec is closed. */
    public void closeOnExec() {
        for (int n = closeOnExec.nextSetBit(0); n >= 0; n = closeOnExec.nextSetBit(n + 1)) {
            close(n);
        }
    }

    /** Number of open descriptors. */
    public int openCount() {
        int n = 0;
        for (File f : fd) {
            if (f != null) {
                n++;
            }
        }
        return n;
    }

    /** The highest descriptor number that is open, or -1. */
    public int maxFd() {
        int i = Math.min(highWater, fd.length - 1);
        while (i >= 0 && fd[i] == null) {
            i--;
        }
        highWater = Math.max(i, 0);
        return i;
    }
}
