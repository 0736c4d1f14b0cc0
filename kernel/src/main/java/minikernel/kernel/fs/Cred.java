package minikernel.kernel.fs;

/**
 * The credentials a task acts with (Linux's {@code struct cred}, reduced to the ids the VFS
 * checks): guests run as the host user's uid and gid, and uid 0 is root, who passes every
 * permission check but execute-without-any-x-bit (capable(CAP_DAC_OVERRIDE)).
 */
public record Cred(int uid, int gid) {
    public static final Cred ROOT = new Cred(0, 0);

    public boolean isRoot() {
        return uid == 0;
    }
}
