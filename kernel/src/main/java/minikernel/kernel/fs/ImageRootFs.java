package minikernel.kernel.fs;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The default root image (an initramfs cpio archive) as the guest's root, read-only. */
public final class ImageRootFs implements RootFs {
    private final Map<String, Initramfs.Entry> entries = new HashMap<>();

    public ImageRootFs(List<Initramfs.Entry> archive) {
        for (Initramfs.Entry e : archive) {
            entries.put("/" + e.path(), e);
        }
        entries.putIfAbsent("/", null);
    }

    @Override
    public Node lookup(String path) {
        if (path.equals("/")) {
            return new Node.Directory();
        }
        Initramfs.Entry e = entries.get(path);
        if (e == null) {
            return null;
        }
        return switch (e.type()) {
            case DIRECTORY -> new Node.Directory();
            case REGULAR -> new Node.RegularFile(e.permissions(), e.data().length);
            default -> new Node.Special();
        };
    }

    @Override
    public byte[] read(String path) throws IOException {
        Initramfs.Entry e = entries.get(path);
        if (e == null) {
            throw new IOException(path + ": no such file in the image");
        }
        return e.data();
    }
}
