package minikernel.kernel.fs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The mounts a task sees (Linux's {@code struct mnt_namespace}): a root mount and the mounts
 * attached below it, found by the walk through lookup_mnt(parent mount, dentry). Every task
 * shares the one namespace (CLONE_NEWNS is not supported).
 */
public final class MountNamespace {
    private record Key(Mount parent, Dentry mountpoint) {
    }

    private final Mount root;
    private final List<Mount> mounts = new ArrayList<>();
    private final Map<Key, Mount> hash = new HashMap<>();

    public MountNamespace(SuperBlock rootSb, boolean readOnly) {
        root = new Mount(rootSb, rootSb.root(), null, null, readOnly);
        mounts.add(root);
    }

    public Mount root() {
        return root;
    }

    /** do_new_mount(): attaches {@code sb} on top of {@code where}. */
    public Mount mount(SuperBlock sb, Path where, boolean readOnly) {
        Mount m = new Mount(sb, sb.root(), where.mnt(), where.dentry(), readOnly);
        hash.put(new Key(where.mnt(), where.dentry()), m);
        mounts.add(m);
        return m;
    }

    /** lookup_mnt(): the mount attached on {@code dentry} as seen through {@code parent}, or null. */
    public Mount lookup(Mount parent, Dentry dentry) {
        return hash.isEmpty() ? null : hash.get(new Key(parent, dentry));
    }

    /** Every mount, in the order they were made (/proc/mounts). */
    public List<Mount> mounts() {
        return List.copyOf(mounts);
    }
}
