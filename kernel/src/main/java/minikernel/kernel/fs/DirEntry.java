package minikernel.kernel.fs;

/** One name in a directory listing, as getdents64 reports it: d_ino, d_type, d_name. */
public record DirEntry(String name, long ino, int type) {
    /** d_type values (include/linux/fs_types.h): the S_IFMT bits shifted right by 12. */
    public static int typeOf(int mode) {
        return (mode & Kstat.S_IFMT) >>> 12;
    }
}
