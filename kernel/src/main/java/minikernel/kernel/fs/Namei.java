package minikernel.kernel.fs;

import java.util.ArrayList;
import java.util.List;
import minikernel.kernel.mm.UserAccess;
import minikernel.kernel.sched.Task;
import minikernel.kernel.syscall.Errno;

/**
 * Path name lookup (fs/namei.c): a path is walked one component at a time from the task's root
 * (absolute), its working directory, or a directory descriptor (the *at calls). Each step needs
 * search (x) permission on the directory, "." stays, ".." goes up but never above the task's
 * root, a mount point is crossed into the mounted filesystem, and a symlink is followed (its
 * text walked from the directory holding it, or from the root) at most {@link #MAXSYMLINKS}
 * times in one lookup. Because the walk is the kernel's own, a task rooted in a directory can
 * never get out of it: "..", absolute symlinks and /proc/self/root all stop at its root.
 */
public final class Namei {
    /** PATH_MAX, counting the terminating NUL; NAME_MAX, one component. */
    public static final int PATH_MAX = 4096, NAME_MAX = 255;
    /** The most symlinks one lookup follows (ELOOP beyond). */
    public static final int MAXSYMLINKS = 40;
    public static final int AT_FDCWD = -100;
    public static final int AT_SYMLINK_NOFOLLOW = 0x100, AT_REMOVEDIR = 0x200, AT_SYMLINK_FOLLOW = 0x400,
            AT_NO_AUTOMOUNT = 0x800, AT_EMPTY_PATH = 0x1000;

    /** Lookup flags: follow a symlink in the last component; the result must be a directory. */
    public static final int LOOKUP_FOLLOW = 1, LOOKUP_DIRECTORY = 2;

    private Namei() {
    }

    /** What the last component of a path is, for the calls that act on a name in a directory. */
    public enum LastType { NORM, DOT, DOTDOT, ROOT }

    /** lookup_parent's answer: the directory, the last name in it, and how the path ended. */
    public record Parent(Path dir, String last, LastType type, boolean trailingSlash) {
    }

    /** Symlinks followed so far in one lookup (nameidata's total_link_count). */
    private static final class Nd {
        int links;
    }

    // ---- names from user memory ---------------------------------------------------------------

    /** getname(): the path at {@code upath}; EFAULT, ENAMETOOLONG; an empty name is allowed here. */
    public static String getname(Task current, long upath) {
        UserAccess.UserString s = current.kernel().userAccess().strncpyFromUser(current.mm(), upath, PATH_MAX);
        if (s instanceof UserAccess.UserString.Fault) {
            throw new VfsError(Errno.EFAULT);
        }
        if (s instanceof UserAccess.UserString.TooLong) {
            throw new VfsError(Errno.ENAMETOOLONG);
        }
        String name = ((UserAccess.UserString.Ok) s).value();
        if (name.length() >= PATH_MAX / 4 && name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length >= PATH_MAX) {
            throw new VfsError(Errno.ENAMETOOLONG);
        }
        return name;
    }

    // ---- the walk -----------------------------------------------------------------------------

    /**
     * filename_lookup(): where {@code path} leads, starting at {@code dirfd} for a relative path.
     * An empty path is ENOENT unless {@code emptyOk} (AT_EMPTY_PATH): then it is the dirfd itself.
     */
    public static Path lookup(Task current, int dirfd, String path, int flags, boolean emptyOk) {
        if (path.isEmpty()) {
            if (!emptyOk) {
                throw new VfsError(Errno.ENOENT);
            }
            return dirfd == AT_FDCWD ? current.fs().pwd() : fileAt(current, dirfd).path();
        }
        Path start = start(current, dirfd, path);
        Path found = walk(current, start, path, (flags & LOOKUP_FOLLOW) != 0, new Nd());
        if ((flags & LOOKUP_DIRECTORY) != 0 && !found.inode().isDirectory()) {
            throw new VfsError(Errno.ENOTDIR);
        }
        return found;
    }

    /** The common case: a path relative to the working directory, symlinks followed. */
    public static Path lookup(Task current, String path) {
        return lookup(current, AT_FDCWD, path, LOOKUP_FOLLOW, false);
    }

    /**
     * filename_parentat(): the directory that holds the last component of {@code path}, and that
     * component. Symlinks in the directories on the way are followed; the last name is not looked
     * up at all (the caller creates, removes or renames it).
     */
    public static Parent lookupParent(Task current, int dirfd, String path) {
        if (path.isEmpty()) {
            throw new VfsError(Errno.ENOENT);
        }
        return lookupParent(current, start(current, dirfd, path), path);
    }

    /** The same from a directory already found (a symlink's text, walked from where the link is). */
    public static Parent lookupParent(Task current, Path from, String path) {
        if (path.isEmpty()) {
            throw new VfsError(Errno.ENOENT);
        }
        Path start = path.startsWith("/") ? current.fs().root() : from;
        List<String> parts = components(path);
        boolean trailingSlash = path.endsWith("/");
        if (parts.isEmpty()) {
            return new Parent(start, "/", LastType.ROOT, trailingSlash);
        }
        String last = parts.removeLast();
        Path dir = parts.isEmpty() ? start : walk(current, start, String.join("/", parts), true, new Nd());
        if (!dir.inode().isDirectory()) {
            throw new VfsError(Errno.ENOTDIR);
        }
        if (last.length() > NAME_MAX) {
            throw new VfsError(Errno.ENAMETOOLONG);
        }
        LastType type = last.equals(".") ? LastType.DOT : last.equals("..") ? LastType.DOTDOT : LastType.NORM;
        return new Parent(dir, last, type, trailingSlash);
    }

    /**
     * The child {@code name} of a directory found by {@link #lookupParent}, with mounts crossed but
     * a symlink not followed; null if there is none. Needs search permission on the directory.
     */
    public static Path child(Task current, Path dir, String name) {
        Permission.check(current.cred(), dir.inode(), Permission.MAY_EXEC);
        Dentry d = dir.dentry().lookup(name);
        return d == null ? null : crossMounts(current, new Path(dir.mnt(), d));
    }

    /**
     * Follows {@code link} (a symlink found by {@link #child}) to where it leads, as open does for
     * a last component (magic links of /proc included).
     */
    public static Path followLast(Task current, Path dir, Path link) {
        Nd nd = new Nd();
        return follow(current, dir, link, nd);
    }

    /** Where the walk of {@code path} starts: the root, the working directory or {@code dirfd}'s directory. */
    private static Path start(Task current, int dirfd, String path) {
        if (path.startsWith("/")) {
            return current.fs().root();
        }
        if (dirfd == AT_FDCWD) {
            return current.fs().pwd();
        }
        Path p = fileAt(current, dirfd).path();
        if (!p.inode().isDirectory()) {
            throw new VfsError(Errno.ENOTDIR);
        }
        return p;
    }

    private static File fileAt(Task current, int fd) {
        File f = current.files().get(fd);
        if (f == null) {
            throw new VfsError(Errno.EBADF);
        }
        if (f.path() == null) {
            throw new VfsError(Errno.ENOTDIR);     // a pipe or console: no place in the tree
        }
        return f;
    }

    private static List<String> components(String path) {
        List<String> parts = new ArrayList<>();
        for (String c : path.split("/")) {
            if (!c.isEmpty()) {
                parts.add(c);
            }
        }
        return parts;
    }

    /** link_path_walk() and the last step: every component from {@code cur}. */
    private static Path walk(Task current, Path cur, String path, boolean followLast, Nd nd) {
        if (path.length() >= PATH_MAX) {
            throw new VfsError(Errno.ENAMETOOLONG);
        }
        List<String> parts = components(path);
        boolean trailingSlash = path.endsWith("/") && !parts.isEmpty();
        for (int i = 0; i < parts.size(); i++) {
            String name = parts.get(i);
            boolean last = i == parts.size() - 1;
            if (!cur.inode().isDirectory()) {
                throw new VfsError(Errno.ENOTDIR);
            }
            Permission.check(current.cred(), cur.inode(), Permission.MAY_EXEC);
            if (name.length() > NAME_MAX) {
                throw new VfsError(Errno.ENAMETOOLONG);
            }
            if (name.equals(".")) {
                continue;
            }
            if (name.equals("..")) {
                cur = dotdot(current, cur);
                continue;
            }
            Dentry child = cur.dentry().lookup(name);
            if (child == null) {
                throw new VfsError(Errno.ENOENT);
            }
            Path next = crossMounts(current, new Path(cur.mnt(), child));
            if (next.inode().isSymlink() && (!last || followLast || trailingSlash)) {
                next = follow(current, cur, next, nd);
            }
            cur = next;
        }
        if (trailingSlash && !cur.inode().isDirectory()) {
            throw new VfsError(Errno.ENOTDIR);
        }
        return cur;
    }

    /** pick_link(): a symlink's destination, walked from the directory holding it (or the root). */
    private static Path follow(Task current, Path dir, Path link, Nd nd) {
        if (++nd.links > MAXSYMLINKS) {
            throw new VfsError(Errno.ELOOP);
        }
        Path magic = link.inode().followMagic(current);
        if (magic != null) {
            return magic;
        }
        String target = link.inode().readlink();
        if (target.isEmpty()) {
            throw new VfsError(Errno.ENOENT);
        }
        Path from = target.startsWith("/") ? current.fs().root() : dir;
        return walk(current, from, target, true, nd);
    }

    /** follow_dotdot(): up one level, leaving mounts from their root, never above the task's root. */
    private static Path dotdot(Task current, Path cur) {
        Path root = current.fs().root();
        while (true) {
            if (cur.mnt() == root.mnt() && cur.dentry() == root.dentry()) {
                return cur;
            }
            if (cur.dentry() != cur.mnt().root()) {
                return crossMounts(current, new Path(cur.mnt(), cur.dentry().parent()));
            }
            if (cur.mnt().isTop()) {
                return cur;
            }
            cur = new Path(cur.mnt().parent(), cur.mnt().mountpoint());
        }
    }

    /** follow_mount(): while something is mounted here, go to the top of what is mounted. */
    static Path crossMounts(Task current, Path p) {
        MountNamespace ns = current.kernel().mounts();
        Mount m;
        while ((m = ns.lookup(p.mnt(), p.dentry())) != null) {
            p = m.rootPath();
        }
        return p;
    }

    // ---- from a path back to a name -----------------------------------------------------------

    /**
     * d_path(): the name of {@code p} as {@code current} sees it, from its root; " (deleted)" is
     * appended for an unlinked file, and a place outside the task's root reads
     * "(unreachable)/..." as getcwd reports it.
     */
    public static String dPath(Task current, Path p) {
        return dPath(current.fs().root(), p);
    }

    /** d_path() seen from {@code root}. */
    public static String dPath(Path root, Path p) {
        List<String> names = new ArrayList<>();
        Mount mnt = p.mnt();
        Dentry d = p.dentry();
        boolean reachable = true;
        while (!(mnt == root.mnt() && d == root.dentry())) {
            if (d == mnt.root()) {
                if (mnt.isTop()) {
                    reachable = false;
                    break;
                }
                d = mnt.mountpoint();
                mnt = mnt.parent();
                continue;
            }
            names.add(d.name());
            d = d.parent();
        }
        StringBuilder sb = new StringBuilder(reachable ? "" : "(unreachable)");
        for (int i = names.size() - 1; i >= 0; i--) {
            sb.append('/').append(names.get(i));
        }
        if (sb.isEmpty() || !reachable && names.isEmpty()) {
            sb.append('/');
        }
        if (p.dentry().deleted()) {
            sb.append(" (deleted)");
        }
        return sb.toString();
    }
}
