package minikernel.kernel.fs;

/**
 * Root directory, working directory and umask of a task: Linux's {@code struct fs_struct}.
 * Threads created with CLONE_FS share one (a chdir in one moves them all); fork copies it.
 * The directories are absolute paths until the VFS gives them dentries.
 */
public final class FsStruct {
    private int users = 1;   // tasks sharing this fs_struct
    private String root;     // the task's "/"
    private String pwd;      // the current directory
    private int umask;

    public FsStruct(String root, String pwd, int umask) {
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

    public String root() {
        return root;
    }

    public String pwd() {
        return pwd;
    }

    public void setPwd(String pwd) {
        this.pwd = pwd;
    }

    public void setRoot(String root) {
        this.root = root;
    }

    public int umask() {
        return umask;
    }

    public void setUmask(int umask) {
        this.umask = umask & 0777;
    }
}
