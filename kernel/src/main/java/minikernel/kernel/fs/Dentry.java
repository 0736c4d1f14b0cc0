package minikernel.kernel.fs;

import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.Map;

/**
 * A name in the directory tree (Linux's {@code struct dentry}): a name, the parent directory's
 * dentry and the inode it names. The dentry cache keeps each directory's children while anything
 * uses them (a working directory, an open file, a mount point, a descendant): Java's garbage
 * collector plays the part of d_count, so unused leaves fall out of the cache by themselves.
 * The cache is what lets rename move a working directory (d_move) and unlink mark an open file's
 * name as deleted (d_delete), exactly as getcwd and /proc/PID/fd then show them.
 */
public final class Dentry {
    private String name;
    private Dentry parent;
    private final Inode inode;
    private boolean deleted;
    private final Map<String, WeakReference<Dentry>> children = new HashMap<>();

    private Dentry(String name, Dentry parent, Inode inode) {
        this.name = name;
        this.parent = parent;
        this.inode = inode;
    }

    /** d_make_root(): the root of a filesystem; its parent is itself. */
    static Dentry root(Inode inode) {
        Dentry d = new Dentry("/", null, inode);
        d.parent = d;
        return d;
    }

    public String name() {
        return name;
    }

    public Dentry parent() {
        return parent;
    }

    public Inode inode() {
        return inode;
    }

    public boolean isRoot() {
        return parent == this;
    }

    /** Unlinked (or removed) while still in use: d_path shows " (deleted)". */
    public boolean deleted() {
        return deleted;
    }

    /**
     * lookup_one(): the child dentry for {@code name}, from the cache if it still names the inode
     * the filesystem reports (d_revalidate: the host may change hostfs behind our back), else
     * freshly looked up and cached. Null if there is no such name.
     */
    public Dentry lookup(String name) {
        WeakReference<Dentry> ref = children.get(name);
        Dentry cached = ref == null ? null : ref.get();
        Inode found = inode.lookup(name);
        if (found == null) {
            if (cached != null) {
                children.remove(name);
            }
            return null;
        }
        if (cached != null && cached.inode == found) {
            return cached;
        }
        Dentry d = new Dentry(name, this, found);
        children.put(name, new WeakReference<>(d));
        return d;
    }

    /** d_instantiate(): a name just created in this directory. */
    public Dentry instantiate(String name, Inode created) {
        Dentry d = new Dentry(name, this, created);
        children.put(name, new WeakReference<>(d));
        return d;
    }

    /** d_delete(): the name is gone; users of this dentry keep the inode, now nameless. */
    public void delete() {
        deleted = true;
        WeakReference<Dentry> ref = parent.children.get(name);
        if (ref != null && ref.get() == this) {
            parent.children.remove(name);
        }
    }

    /** d_move(): this dentry now has {@code newName} in {@code newParent} (rename). */
    public void move(Dentry newParent, String newName) {
        WeakReference<Dentry> ref = parent.children.get(name);
        if (ref != null && ref.get() == this) {
            parent.children.remove(name);
        }
        parent = newParent;
        name = newName;
        newParent.children.put(newName, new WeakReference<>(this));
    }

    /** is_subdir(): true if this dentry is {@code ancestor} or below it. */
    public boolean isBelow(Dentry ancestor) {
        for (Dentry d = this; ; d = d.parent) {
            if (d == ancestor) {
                return true;
            }
            if (d.isRoot()) {
                return false;
            }
        }
    }

    @Override
    public String toString() {
        return "dentry(" + name + ")";
    }
}
