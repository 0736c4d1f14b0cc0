package minikernel.kernel.fs;

import minikernel.kernel.mm.UserAccess;
import minikernel.kernel.sched.Task;
import minikernel.kernel.syscall.Errno;

/**
 * An open regular file of any filesystem: read, write, pread, pwrite and lseek on f_pos, built on
 * the filesystem's positional {@link #readAt} and {@link #writeAt} (generic_file_read_iter and
 * generic_perform_write in spirit). O_APPEND writes go to the end of the file, wherever f_pos is.
 */
public abstract class RegularFile extends File {
    /** Bytes moved per step between user memory and the file. */
    private static final int CHUNK = 64 * 1024;
    /** MAX_NON_LFS: without O_LARGEFILE a 32-bit program may not go past 2 GiB - 1. */
    private static final long MAX_NON_LFS = (1L << 31) - 1;

    protected RegularFile(int flags, Path path) {
        super(flags, path);
    }

    /** The file's current size (i_size). */
    protected long size() {
        return inode().size();
    }

    @Override
    public long read(Task current, long buf, long count) {
        long r = pread(current, buf, count, pos);
        if (r > 0) {
            pos += r;
        }
        return r;
    }

    @Override
    public long write(Task current, long buf, long count) {
        if ((flags() & O_APPEND) != 0) {
            pos = size();
        }
        long r = pwrite(current, buf, count, pos);
        if (r > 0) {
            pos += r;
        }
        return r;
    }

    @Override
    public long pread(Task current, long buf, long count, long offset) {
        if (offset < 0) {
            return Errno.EINVAL.negative();
        }
        UserAccess ua = current.kernel().userAccess();
        byte[] chunk = new byte[(int) Math.min(CHUNK, Math.max(count, 1))];
        long done = 0;
        while (done < count) {
            int want = (int) Math.min(chunk.length, count - done);
            long n = readAt(offset + done, chunk, 0, want);
            if (n < 0) {
                return done > 0 ? done : n;
            }
            if (n == 0) {
                break;
            }
            var cache = inode().cachedMapping();
            if (cache != null) {
                cache.overlay(offset + done, chunk, 0, (int) n);    // pages written through a mapping
            }
            if (!ua.copyToUser(current.mm(), buf + done, chunk, 0, (int) n)) {
                return done > 0 ? done : Errno.EFAULT.negative();
            }
            done += n;
            if (n < want) {
                break;
            }
        }
        return done;
    }

    @Override
    public long pwrite(Task current, long buf, long count, long offset) {
        if (offset < 0) {
            return Errno.EINVAL.negative();
        }
        if ((flags() & O_APPEND) != 0) {
            offset = size();          // generic_write_checks: an O_APPEND file is written at its end, even by pwrite
        }
        if ((flags() & O_LARGEFILE) == 0 && offset + count > MAX_NON_LFS) {
            if (offset >= MAX_NON_LFS) {
                return Errno.EFBIG.negative();
            }
            count = MAX_NON_LFS - offset;
        }
        UserAccess ua = current.kernel().userAccess();
        byte[] chunk = new byte[(int) Math.min(CHUNK, Math.max(count, 1))];
        long done = 0;
        while (done < count) {
            int want = (int) Math.min(chunk.length, count - done);
            if (!ua.copyFromUser(current.mm(), buf + done, chunk, 0, want)) {
                return done > 0 ? done : Errno.EFAULT.negative();
            }
            long n = writeAt(offset + done, chunk, 0, want);
            if (n < 0) {
                return done > 0 ? done : n;
            }
            var cache = inode().cachedMapping();
            if (cache != null) {
                cache.update(offset + done, chunk, 0, (int) n);     // mappings see the write at once
            }
            done += n;
            if (n < want) {
                break;
            }
        }
        return done;
    }

    @Override
    public long fsync() {
        return 0;
    }

    /** generic_file_llseek(): SEEK_SET, SEEK_CUR, SEEK_END; SEEK_DATA and SEEK_HOLE see no holes. */
    @Override
    public long llseek(long offset, int whence) {
        long size = size();
        long target = switch (whence) {
            case SEEK_SET -> offset;
            case SEEK_CUR -> pos + offset;
            case SEEK_END -> size + offset;
            case SEEK_DATA -> offset < size ? offset : -2;
            case SEEK_HOLE -> offset < size ? size : -2;
            default -> -1;
        };
        if (target == -2) {
            return Errno.ENXIO.negative();
        }
        if (target < 0) {
            return Errno.EINVAL.negative();
        }
        pos = target;
        return pos;
    }
}
