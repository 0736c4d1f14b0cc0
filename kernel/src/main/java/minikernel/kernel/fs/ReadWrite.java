package minikernel.kernel.fs;

import minikernel.kernel.mm.PageTables;
import minikernel.kernel.mm.UserAccess;
import minikernel.kernel.sched.Task;
import minikernel.kernel.syscall.Errno;

/**
 * fs/read_write.c: read, write and their positional (pread64, pwrite64) and vectored (readv,
 * writev, preadv, pwritev) forms, lseek and _llseek, sendfile; plus getdents64 (fs/readdir.c) and
 * fsync (fs/sync.c).
 */
public final class ReadWrite {
    /** UIO_MAXIOV: the most iovecs one call may pass. */
    private static final int UIO_MAXIOV = 1024;

    private ReadWrite() {
    }

    public static long read(Task current, long fd, long buf, long count) {
        File f = current.files().get((int) fd);
        if (f == null || !f.readable()) {
            return Errno.EBADF.negative();
        }
        long check = verifyArea(buf, count);
        return check != 0 ? check : f.read(current, buf, count);
    }

    public static long write(Task current, long fd, long buf, long count) {
        File f = current.files().get((int) fd);
        if (f == null || !f.writable()) {
            return Errno.EBADF.negative();
        }
        long check = verifyArea(buf, count);
        return check != 0 ? check : f.write(current, buf, count);
    }

    public static long readv(Task current, long fd, long iov, long iovcnt) {
        return vectored(current, fd, iov, iovcnt, false);
    }

    public static long writev(Task current, long fd, long iov, long iovcnt) {
        return vectored(current, fd, iov, iovcnt, true);
    }

    /**
     * do_readv/do_writev: the iovec array is read and checked first (EINVAL for a bad count or a
     * total over SSIZE_MAX, EFAULT for a bad array), then the segments are done in order until one
     * comes up short.
     */
    private static long vectored(Task current, long fd, long iov, long iovcnt, boolean write) {
        File f = current.files().get((int) fd);
        if (f == null || (write ? !f.writable() : !f.readable())) {
            return Errno.EBADF.negative();
        }
        int n = (int) iovcnt;
        if (n < 0 || n > UIO_MAXIOV) {
            return Errno.EINVAL.negative();
        }
        UserAccess ua = current.kernel().userAccess();
        long[] base = new long[n], len = new long[n];
        long total = 0;
        for (int i = 0; i < n; i++) {
            base[i] = ua.getUser32(current.mm(), iov + 8L * i);
            len[i] = ua.getUser32(current.mm(), iov + 8L * i + 4);
            if (base[i] == Long.MIN_VALUE || len[i] == Long.MIN_VALUE) {
                return Errno.EFAULT.negative();
            }
            if ((int) len[i] < 0 || (total += len[i]) > Integer.MAX_VALUE) {
                return Errno.EINVAL.negative();
            }
            if (base[i] + len[i] > PageTables.TASK_SIZE) {
                return Errno.EFAULT.negative();
            }
        }
        long done = 0;
        for (int i = 0; i < n; i++) {
            if (len[i] == 0) {
                continue;
            }
            long r = write ? f.write(current, base[i], len[i]) : f.read(current, base[i], len[i]);
            if (r < 0) {
                return done > 0 ? done : r;
            }
            done += r;
            if (r < len[i]) {
                break;
            }
        }
        return done;
    }

    /** i386 passes a 64-bit offset in two registers, low word first. */
    private static long offset64(long low, long high) {
        return (high << 32) | (low & 0xffffffffL);
    }

    public static long pread64(Task current, long fd, long buf, long count, long posLow, long posHigh) {
        File f = current.files().get((int) fd);
        if (f == null || !f.readable()) {
            return Errno.EBADF.negative();
        }
        long pos = offset64(posLow, posHigh);
        long check = verifyArea(buf, count);
        if (check != 0 || pos < 0) {
            return check != 0 ? check : Errno.EINVAL.negative();
        }
        return f.pread(current, buf, count, pos);
    }

    public static long pwrite64(Task current, long fd, long buf, long count, long posLow, long posHigh) {
        File f = current.files().get((int) fd);
        if (f == null || !f.writable()) {
            return Errno.EBADF.negative();
        }
        long pos = offset64(posLow, posHigh);
        long check = verifyArea(buf, count);
        if (check != 0 || pos < 0) {
            return check != 0 ? check : Errno.EINVAL.negative();
        }
        return f.pwrite(current, buf, count, pos);
    }

    /**
     * lseek(2), the 32-bit form. An i386 program on an x86-64 Linux kernel (compat_sys_lseek) gets
     * the low 32 bits of an offset that does not fit, not EOVERFLOW, and so does it here.
     */
    public static long lseek(Task current, long fd, long offset, long whence) {
        File f = current.files().get((int) fd);
        if (f == null) {
            return Errno.EBADF.negative();
        }
        if (whence < 0 || whence > File.SEEK_HOLE) {
            return Errno.EINVAL.negative();
        }
        long r = f.llseek((int) offset, (int) whence);
        return r < 0 ? r : r & 0xffffffffL;
    }

    /** _llseek(2): the 64-bit offset in two words, the result written to {@code result}. */
    public static long llseek(Task current, long fd, long offsetHigh, long offsetLow, long result, long whence) {
        File f = current.files().get((int) fd);
        if (f == null) {
            return Errno.EBADF.negative();
        }
        if (whence < 0 || whence > File.SEEK_HOLE) {
            return Errno.EINVAL.negative();
        }
        long r = f.llseek(offset64(offsetLow, offsetHigh), (int) whence);
        if (r < 0) {
            return r;
        }
        return current.kernel().userAccess().putUser32s(current.mm(), result, r, r >>> 32) ? 0 : Errno.EFAULT.negative();
    }

    public static long preadv(Task current, long fd, long iov, long iovcnt, long posLow, long posHigh) {
        return positionalVectored(current, fd, iov, iovcnt, offset64(posLow, posHigh), false);
    }

    public static long pwritev(Task current, long fd, long iov, long iovcnt, long posLow, long posHigh) {
        return positionalVectored(current, fd, iov, iovcnt, offset64(posLow, posHigh), true);
    }

    private static long positionalVectored(Task current, long fd, long iov, long iovcnt, long pos, boolean write) {
        File f = current.files().get((int) fd);
        if (f == null || (write ? !f.writable() : !f.readable())) {
            return Errno.EBADF.negative();
        }
        if (pos < 0) {
            return Errno.EINVAL.negative();
        }
        int n = (int) iovcnt;
        if (n < 0 || n > UIO_MAXIOV) {
            return Errno.EINVAL.negative();
        }
        UserAccess ua = current.kernel().userAccess();
        long done = 0;
        for (int i = 0; i < n; i++) {
            long base = ua.getUser32(current.mm(), iov + 8L * i), len = ua.getUser32(current.mm(), iov + 8L * i + 4);
            if (base == Long.MIN_VALUE || len == Long.MIN_VALUE) {
                return done > 0 ? done : Errno.EFAULT.negative();
            }
            if (len == 0) {
                continue;
            }
            long r = write ? f.pwrite(current, base, len, pos + done) : f.pread(current, base, len, pos + done);
            if (r < 0) {
                return done > 0 ? done : r;
            }
            done += r;
            if (r < len) {
                break;
            }
        }
        return done;
    }

    public static long sendfile(Task current, long outFd, long inFd, long offsetPtr, long count) {
        return sendfile(current, outFd, inFd, offsetPtr, count, false);
    }

    public static long sendfile64(Task current, long outFd, long inFd, long offsetPtr, long count) {
        return sendfile(current, outFd, inFd, offsetPtr, count, true);
    }

    /**
     * sendfile(2) (do_sendfile): copies from a file that can be read at an offset to any file
     * that can be written; with {@code offsetPtr} the input's offset is read and updated there
     * and the file's own offset stays, without it the file's offset moves.
     */
    private static long sendfile(Task current, long outFd, long inFd, long offsetPtr, long count, boolean wide) {
        File in = current.files().get((int) inFd), out = current.files().get((int) outFd);
        if (in == null || out == null || !in.readable() || !out.writable()) {
            return Errno.EBADF.negative();
        }
        if ((out.flags() & File.O_APPEND) != 0) {
            return Errno.EINVAL.negative();
        }
        UserAccess ua = current.kernel().userAccess();
        long pos;
        if (offsetPtr != 0) {
            long lo = ua.getUser32(current.mm(), offsetPtr);
            long hi = wide ? ua.getUser32(current.mm(), offsetPtr + 4) : (lo >= 0x80000000L ? 0xffffffffL : 0);
            if (lo == Long.MIN_VALUE || hi == Long.MIN_VALUE) {
                return Errno.EFAULT.negative();
            }
            pos = offset64(lo, hi);
            if (pos < 0) {
                return Errno.EINVAL.negative();
            }
        } else {
            pos = in.pos();
        }
        if ((int) count < 0) {
            return Errno.EINVAL.negative();
        }
        byte[] chunk = new byte[(int) Math.min(Math.max(count, 1), 65536)];
        long done = 0;
        while (done < count) {
            int want = (int) Math.min(chunk.length, count - done);
            long n = in.readAt(pos + done, chunk, 0, want);
            if (n < 0) {
                if (done > 0) {
                    break;
                }
                return n == Errno.EINVAL.negative() ? Errno.EINVAL.negative() : n;
            }
            if (n == 0) {
                break;
            }
            long w = writeKernel(current, out, chunk, (int) n, done == 0);
            if (w < 0) {
                if (done > 0) {
                    break;
                }
                return w;
            }
            done += w;
            if (w < n) {
                break;
            }
        }
        if (offsetPtr != 0) {
            long end = pos + done;
            boolean ok = wide ? ua.putUser32s(current.mm(), offsetPtr, end, end >>> 32)
                    : ua.putUser32(current.mm(), offsetPtr, end);
            if (!ok) {
                return Errno.EFAULT.negative();
            }
        } else {
            in.llseek(pos + done, File.SEEK_SET);
        }
        return done;
    }

    /**
     * Writes bytes the kernel holds to {@code out} (kernel_write): a regular file at its offset,
     * anything else through its own kernel-write path. Only the first write of a call may block
     * (a blocked call restarts from the beginning, which is right only if nothing moved yet).
     */
    private static long writeKernel(Task current, File out, byte[] b, int len, boolean mayBlock) {
        if (out instanceof RegularFile rf) {
            long pos = (out.flags() & File.O_APPEND) != 0 ? out.stat().size() : out.pos();
            long n = rf.writeAt(pos, b, 0, len);
            if (n > 0) {
                out.llseek(pos + n, File.SEEK_SET);
            }
            return n;
        }
        return out.writeKernel(current, b, len, mayBlock);
    }

    /** getdents64(2) (fs/readdir.c). */
    public static long getdents64(Task current, long fd, long dirent, long count) {
        File f = current.files().get((int) fd);
        if (f == null) {
            return Errno.EBADF.negative();
        }
        return f.getdents64(current, dirent, count);
    }

    /** fsync(2) and fdatasync(2) (fs/sync.c). */
    public static long fsync(Task current, long fd) {
        File f = current.files().get((int) fd);
        if (f == null) {
            return Errno.EBADF.negative();
        }
        return f.fsync();
    }

    /** sync(2): everything is written through already. */
    public static long sync(Task current) {
        return 0;
    }

    /** rw_verify_area() and access_ok(): a count over SSIZE_MAX is EINVAL, a range past user space EFAULT. */
    private static long verifyArea(long buf, long count) {
        if ((int) count < 0) {
            return Errno.EINVAL.negative();
        }
        if (buf + count > PageTables.TASK_SIZE) {
            return Errno.EFAULT.negative();
        }
        return 0;
    }
}
