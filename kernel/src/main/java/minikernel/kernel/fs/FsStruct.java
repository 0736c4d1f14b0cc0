package minikernel.kernel.fs;

/**
 * Root directory, working directory and umask of a task: Linux's {@code struct fs_struct}.
 * Threads created with CLONE_FS share one (a chdir in one moves them all); fork copies it.
 * The directories are places in the mounted tree (a mount and a dentry), so a renamed working
 * directory stays the working directory.
 */
public final class FsStruct {
    private int users = 1;   // tasks sharing this fs_struct
    private Path root;     // the task's "/"
    private Path pwd;       // the current directory
    private int umask;

    public FsStruct(Path root, Path pwd, int umask) {
        this.root = root;
        this.pwd = pwd;
        this.umask = umask;
    }

    /** copy_fs_struct(): a private copy for fork. */
    public FsStruct copy() {
        return new FsStruct(root, pwd, umask);
    }

    public int users() {
        return users;
    }

    /** CLONE_FS: one more sharer. */
    public FsStruct share() {
        if (users <= 0) {
            throw new IllegalStateException("sharing a freed fs_struct");
        }
        users++;
        return this;
    }

    /** exit_fs(): drops a sharer; true when it was the last. */
    public boolean release() {
        if (users <= 0) {
            throw new IllegalStateException("fs_struct released twice");
        }
        return --users == 0;
    }

    public Path root() {
        return root;
    }

    public Path pwd() {
        return pwd;
    }

    public void setPwd(Path pwd) {
        this.pwd = pwd;
    }

    public void setRoot(Path root) {
        this.root = root;
    }

    public int umask() {
        return umask;
    }

    public void setUmask(int umask) {
        this.umask = umask & 0777;
    }
}
