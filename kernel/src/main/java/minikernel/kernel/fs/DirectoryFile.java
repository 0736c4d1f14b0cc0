package minikernel.kernel.fs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import minikernel.kernel.sched.Task;
import minikernel.kernel.syscall.Errno;

/**
 * An open directory: getdents64 hands out its names, "." and ".." first, then the
 * filesystem's; f_pos counts the names already handed out (what d_off says), so lseek back to 0
 * rewinds. The listing is taken afresh when reading starts at 0, as a new readdir pass would see
 * names created since.
 */
public class DirectoryFile extends File {
    private List<DirEntry> listing;

    public DirectoryFile(int flags, Path path) {
        super(flags, path);
    }

    @Override
    public long read(Task current, long buf, long count) {
        return Errno.EISDIR.negative();
    }

    @Override
    public long pread(Task current, long buf, long count, long offset) {
        return Errno.EISDIR.negative();
    }

    @Override
    public long fsync() {
        return 0;
    }

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

    /**
     * getdents64(2): as many struct linux_dirent64 (u64 d_ino, s64 d_off, u16 d_reclen, u8 d_type,
     * the name and its NUL, padded to 8 bytes) as fit in {@code count} bytes; EINVAL if not even
     * the next one fits, 0 at the end.
     */
    @Override
    public long getdents64(Task current, long dirent, long count) {
        if (pos == 0 || listing == null) {
            Dentry d = path().dentry();
            List<DirEntry> all = new ArrayList<>();
            all.add(new DirEntry(".", d.inode().ino(), DirEntry.typeOf(Kstat.S_IFDIR)));
            all.add(new DirEntry("..", d.parent().inode().ino(), DirEntry.typeOf(Kstat.S_IFDIR)));
            all.addAll(d.inode().readdir());
            listing = all;
        }
        byte[] out = new byte[(int) Math.min(count, 1 << 20)];
        int used = 0;
        while (pos < listing.size()) {
            DirEntry e = listing.get((int) pos);
            byte[] name = e.name().getBytes(StandardCharsets.UTF_8);
            int reclen = (19 + name.length + 1 + 7) & ~7;
            if (used + reclen > out.length) {
                if (used == 0) {
                    return Errno.EINVAL.negative();
                }
                break;
            }
            putLong(out, used, e.ino());
            putLong(out, used + 8, pos + 1);
            out[used + 16] = (byte) reclen;
            out[used + 17] = (byte) (reclen >>> 8);
            out[used + 18] = (byte) e.type();
            System.arraycopy(name, 0, out, used + 19, name.length);
            used += reclen;
            pos++;
        }
        if (!current.kernel().userAccess().copyToUser(current.mm(), dirent, out, 0, used)) {
            return Errno.EFAULT.negative();
        }
        return used;
    }

    private static void putLong(byte[] b, int at, long v) {
        for (int i = 0; i < 8; i++) {
            b[at + i] = (byte) (v >>> 8 * i);
        }
    }
}
