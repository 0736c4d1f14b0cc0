package minikernel.kernel.fs;

import java.util.ArrayDeque;
import java.util.Deque;
import minikernel.kernel.sched.Task;
import minikernel.kernel.syscall.Errno;

/**
 * Path name lookup (fs/namei.c, much reduced): a path relative to the task's working directory,
 * or absolute from its root, is normalised ("." and ".." removed) and looked up component by
 * component in the kernel's {@link RootFs}. The one place paths are resolved, so the VFS can
 * replace it.
 */
public final class Namei {
    /** PATH_MAX, counting the terminating NUL. */
    public static final int PATH_MAX = 4096;

    private Namei() {
    }

    /** A resolved path, or why it could not be. */
    public sealed interface Result {
        record Found(String path, RootFs.Node node) implements Result {
        }

        record Failed(Errno errno) implements Result {
        }
    }

    /** The absolute path {@code path} names for {@code task}, without looking anything up. */
    public static String absolute(Task task, String path) {
        String base = path.startsWith("/") ? "/" : task.fs().pwd();
        Deque<String> parts = new ArrayDeque<>();
        for (String c : (base + "/" + path).split("/")) {
            if (c.isEmpty() || c.equals(".")) {
                continue;
            }
            if (c.equals("..")) {
                parts.pollLast();
            } else {
                parts.addLast(c);
            }
        }
        return "/" + String.join("/", parts);
    }

    /** path_lookupat(): every component but the last must be a directory (ENOTDIR), all must exist (ENOENT). */
    public static Result lookup(Task task, String path) {
        if (path.isEmpty()) {
            return new Result.Failed(Errno.ENOENT);
        }
        if (path.length() >= PATH_MAX) {
            return new Result.Failed(Errno.ENAMETOOLONG);
        }
        RootFs fs = task.kernel().rootFs();
        String abs = absolute(task, path);
        String[] parts = abs.substring(1).split("/");
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < parts.length - 1; i++) {
            prefix.append('/').append(parts[i]);
            RootFs.Node n = fs.lookup(prefix.toString());
            if (n == null) {
                return new Result.Failed(Errno.ENOENT);
            }
            if (!(n instanceof RootFs.Node.Directory)) {
                return new Result.Failed(Errno.ENOTDIR);
            }
        }
        RootFs.Node node = fs.lookup(abs);
        if (node == null) {
            return new Result.Failed(Errno.ENOENT);
        }
        if (path.endsWith("/") && !(node instanceof RootFs.Node.Directory)) {
            return new Result.Failed(Errno.ENOTDIR);
        }
        return new Result.Found(abs, node);
    }
}
