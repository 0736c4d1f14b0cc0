package minikernel.kernel.fs;

import minikernel.kernel.mm.AddressSpace;
import minikernel.kernel.mm.MappedFile;

/**
 * An open file as the mm sees it when it is mapped (vm_file): reads fill a faulting page, the
 * file's page cache serves MAP_SHARED, and written-back pages go to the file. Each area that maps
 * it holds a reference on the struct file, so a mapping outlives close(fd).
 */
final class FileMapping extends MappedFile {
    private final File file;

    /** Takes a reference on {@code file} for the first area. */
    FileMapping(File file) {
        this.file = file.get();
    }

    /** The file's path now, from the root of the mount namespace; " (deleted)" once unlinked. */
    @Override
    public String name() {
        Path root = file.inode().sb().kernel().mounts().root().rootPath();
        return Namei.dPath(root, file.path());
    }

    @Override
    public int read(long offset, byte[] page) {
        long n = file.readAt(offset, page, 0, page.length);
        if (n <= 0) {
            return 0;
        }
        AddressSpace cache = file.inode().cachedMapping();
        if (cache != null) {
            cache.overlay(offset, page, 0, (int) n);
        }
        return (int) n;
    }

    @Override
    public void write(long offset, byte[] b, int len) {
        file.writeAt(offset, b, 0, len);
    }

    @Override
    public long size() {
        Kstat k = file.stat();
        return k == null ? 0 : k.size();
    }

    @Override
    public Kstat stat() {
        return file.stat();
    }

    @Override
    public AddressSpace mapping() {
        return file.inode().mapping();
    }

    @Override
    public MappedFile get() {
        file.get();
        return this;
    }

    @Override
    public void put() {
        file.put();
    }
}
