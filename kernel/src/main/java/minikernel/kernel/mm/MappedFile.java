package minikernel.kernel.mm;

/**
 * What a file-backed area maps (vm_file): a name for /proc/PID/maps and fault reports, the bytes
 * at an offset, and for a file of a filesystem its page cache and a way to write pages back. An
 * executable's segments map the bytes exec read ({@link #ofBytes}); mmap of an open file maps
 * that file (the fs side provides it). Areas count their references: {@link #get}, {@link #put}.
 */
public abstract class MappedFile {
    /** The path shown in /proc/PID/maps. */
    public abstract String name();

    /** Up to {@code page.length} bytes from {@code offset}; fewer (or 0) past the end of the file. */
    public abstract int read(long offset, byte[] page);

    /** Writes {@code len} bytes back at {@code offset} (a shared mapping's page). */
    public void write(long offset, byte[] b, int len) {
    }

    /** The file's size now. */
    public abstract long size();

    /** The file's page cache, for MAP_SHARED; null if the file cannot be mapped shared. */
    public AddressSpace mapping() {
        return null;
    }

    /** The mapped file's attributes (its device and inode number for /proc/PID/maps), or null. */
    public minikernel.kernel.fs.Kstat stat() {
        return null;
    }

    /** get_file(): another area maps it. */
    public MappedFile get() {
        return this;
    }

    /** fput(): an area that mapped it is gone. */
    public void put() {
    }

    /** The contents of an executable, read once by exec. */
    public static MappedFile ofBytes(String name, byte[] bytes) {
        return new MappedFile() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public int read(long offset, byte[] page) {
                if (offset >= bytes.length) {
                    return 0;
                }
                int n = (int) Math.min(page.length, bytes.length - offset);
                System.arraycopy(bytes, (int) offset, page, 0, n);
                return n;
            }

            @Override
            public long size() {
                return bytes.length;
            }
        };
    }
}
