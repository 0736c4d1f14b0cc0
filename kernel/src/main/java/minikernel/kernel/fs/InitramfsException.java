package minikernel.kernel.fs;

/**
 * A root image that {@link Initramfs#read} cannot unpack. The message is one line, names the
 * byte offset of the problem and, where it helps, the entry ("truncated data of 'bin/hello'
 * at offset 0x1f4"), like the messages of unpack_to_rootfs() in init/initramfs.c.
 */
public final class InitramfsException extends Exception {
    public InitramfsException(String message) {
        super(message);
    }
}
