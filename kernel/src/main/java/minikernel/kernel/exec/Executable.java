package minikernel.kernel.exec;

/**
 * A program file to execute, read once (the kernel maps its bytes as the file's page cache).
 *
 * @param path     where the file is, symlinks resolved: /proc/self/exe and the maps show it
 * @param filename the name execve was given (bprm->filename): AT_EXECFN, and the comm is its last
 *                 component, so a busybox applet run through the link /bin/ls is "ls", not "busybox"
 */
public record Executable(String path, String filename, byte[] bytes) {
    public Executable(String path, byte[] bytes) {
        this(path, path, bytes);
    }

    /** The last component of the name execve was given: the task's comm. */
    public String baseName() {
        int slash = filename.lastIndexOf('/');
        return slash < 0 ? filename : filename.substring(slash + 1);
    }
}
