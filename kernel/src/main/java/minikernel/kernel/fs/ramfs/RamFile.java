package minikernel.kernel.fs.ramfs;

import java.util.Arrays;
import minikernel.kernel.fs.File;
import minikernel.kernel.fs.Inode;
import minikernel.kernel.fs.Kstat;
import minikernel.kernel.fs.Path;
import minikernel.kernel.fs.RegularFile;
import minikernel.kernel.fs.SuperBlock;
import minikernel.kernel.fs.VfsError;
import minikernel.kernel.syscall.Errno;

/**
 * A regular file of ramfs: its bytes live in the kernel's memory (Linux keeps them in page-cache
 * pages that are never written back, since there is nowhere to write them to). A hole left by a
 * write past the end reads as zeros.
 */
public final class RamFile extends Inode implements RamInode {
    /** The biggest file ramfs holds here (an int-indexed array). */
    private static final long MAX_SIZE = Integer.MAX_VALUE - 8;
    private byte[] data = new byte[0];

    public RamFile(SuperBlock sb, int mode, int uid, int gid) {
        super(sb, sb.nextIno(), Kstat.S_IFREG | mode & 07777, uid, gid);
    }

    /** Fills the file (unpacking the initramfs). */
    public void setContents(byte[] bytes) {
        data = bytes.clone();
        size = bytes.length;
    }

    @Override
    public void linkChanged(int delta) {
        nlink += delta;
        ctime = sb().now();
    }

    @Override
    public void truncate(long length) {
        if (length > MAX_SIZE) {
            throw new VfsError(Errno.EFBIG);
        }
        if (length > data.length) {
            data = Arrays.copyOf(data, (int) length);
        } else {
            Arrays.fill(data, (int) length, (int) size, (byte) 0);
        }
        size = length;
        touchModified();
    }

    int read(long offset, byte[] b, int off, int len) {
        if (offset >= size) {
            return 0;
        }
        int n = (int) Math.min(len, size - offset);
        System.arraycopy(data, (int) offset, b, off, n);
        return n;
    }

    int write(long offset, byte[] b, int off, int len) {
        long end = offset + len;
        if (end > MAX_SIZE) {
            throw new VfsError(Errno.EFBIG);
        }
        if (end > data.length) {
            data = Arrays.copyOf(data, (int) Math.max(end, Math.min(MAX_SIZE, data.length * 2L)));
        }
        System.arraycopy(b, off, data, (int) offset, len);
        size = Math.max(size, end);
        touchModified();
        return len;
    }

    @Override
    public File open(Path path, int flags) {
        return new RegularFile(flags, path) {
            @Override
            public long readAt(long offset, byte[] b, int off, int len) {
                return RamFile.this.read(offset, b, off, len);
            }

            @Override
            public long writeAt(long offset, byte[] b, int off, int len) {
                try {
                    return RamFile.this.write(offset, b, off, len);
                } catch (VfsError e) {
                    return e.negative();
                }
            }
        };
    }
}
