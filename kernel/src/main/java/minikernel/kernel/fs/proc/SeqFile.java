package minikernel.kernel.fs.proc;

import minikernel.kernel.fs.Path;
import minikernel.kernel.fs.RegularFile;
import minikernel.kernel.fs.VfsError;
import minikernel.kernel.sched.Task;
import minikernel.kernel.syscall.Errno;

/**
 * An open file of /proc (fs/seq_file.c with single_open): the text is printed once, when the
 * file is opened, and reads, preads and lseek move through that copy, so a reader sees one
 * consistent snapshot however small its reads. Going back to offset 0 after reading prints the
 * text afresh, as seq_file's traverse() does, so a program that rereads /proc/self/stat with
 * pread(..., 0) sees new numbers each time. A show that fails (the process was reaped: ESRCH)
 * makes every read fail with its error.
 */
final class SeqFile extends RegularFile {
    private final ProcFile.Show show;
    private final ProcFile.Write write;
    private byte[] buf = new byte[0];
    private Errno error;
    private long readEnd;        // where the last read stopped; 0 before the first

    SeqFile(int flags, Path path, ProcFile.Show show, ProcFile.Write write) {
        super(flags, path);
        this.show = show;
        this.write = write;
        fill();
    }

    private Task current() {
        return ProcFs.current(path().inode().sb());
    }

    private void fill() {
        try {
            buf = show.show(current());
            error = null;
        } catch (VfsError e) {
            buf = new byte[0];
            error = e.errno();
        }
    }

    @Override
    protected long size() {
        return buf.length;
    }

    @Override
    public long readAt(long offset, byte[] b, int off, int len) {
        if (offset == 0 && readEnd > 0) {
            fill();
        }
        if (error != null) {
            return error.negative();
        }
        if (offset >= buf.length) {
            readEnd = offset;
            return 0;
        }
        int n = (int) Math.min(len, buf.length - offset);
        System.arraycopy(buf, (int) offset, b, off, n);
        readEnd = offset + n;
        return n;
    }

    /** vfs_write() of a file with no write operation is EINVAL; comm has one. */
    @Override
    public long writeAt(long offset, byte[] b, int off, int len) {
        if (write == null) {
            return Errno.EINVAL.negative();
        }
        try {
            return write.write(current(), java.util.Arrays.copyOfRange(b, off, off + len));
        } catch (VfsError e) {
            return e.negative();
        }
    }

    /** seq_lseek(): SEEK_SET and SEEK_CUR only; the end of a generated text is not known. */
    @Override
    public long llseek(long offset, int whence) {
        long target = switch (whence) {
            case SEEK_SET -> offset;
            case SEEK_CUR -> pos + offset;
            default -> -1;
        };
        if (target < 0) {
            return Errno.EINVAL.negative();
        }
        pos = target;
        return pos;
    }
}
