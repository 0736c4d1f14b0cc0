package minikernel.images;

/**
 * A line of a gen_init_cpio list that cannot be built, as
 * {@code rootfs.list:14: file /bin/hello: userland/target/bin/hello does not exist}.
 */
public final class CpioListException extends Exception {
    public CpioListException(String message) {
        super(message);
    }
}
