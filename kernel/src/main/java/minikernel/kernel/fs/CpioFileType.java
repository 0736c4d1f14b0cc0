package minikernel.kernel.fs;

import java.util.Optional;

/** The S_IFMT bits of a cpio entry's mode, as in include/uapi/linux/stat.h. */
public enum CpioFileType {
    /** S_IFSOCK. */
    SOCKET(0140000),
    /** S_IFLNK: the entry's data is the link target. */
    SYMLINK(0120000),
    /** S_IFREG: the entry's data is the file content. */
    REGULAR(0100000),
    /** S_IFBLK: rdev names the device. */
    BLOCK_DEVICE(0060000),
    /** S_IFDIR. */
    DIRECTORY(0040000),
    /** S_IFCHR: rdev names the device. */
    CHAR_DEVICE(0020000),
    /** S_IFIFO. */
    FIFO(0010000);

    /** The mask that selects the type from a mode. */
    public static final int S_IFMT = 0170000;

    private final int bits;

    CpioFileType(int bits) {
        this.bits = bits;
    }

    /** The S_IFxxx value, to OR into a mode. */
    public int bits() {
        return bits;
    }

    /** The type encoded in {@code mode}, or empty for a value Linux does not know. */
    public static Optional<CpioFileType> of(int mode) {
        for (CpioFileType type : values()) {
            if ((mode & S_IFMT) == type.bits) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
