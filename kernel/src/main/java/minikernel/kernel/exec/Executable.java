package minikernel.kernel.exec;

/**
 * A program file to execute: the path the guest knows it by (AT_EXECFN, /proc/self/exe) and its
 * bytes, read once (the kernel maps them as the file's page cache).
 */
public record Executable(String path, byte[] bytes) {
    /** The last path component: the task's comm. */
    public String baseName() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }
}
