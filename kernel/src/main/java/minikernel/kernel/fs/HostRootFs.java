package minikernel.kernel.fs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/** The host's own filesystem as the guest's root (what {@code run} gives a program, like qemu-i386). */
public final class HostRootFs implements RootFs {
    private final Path root;

    public HostRootFs(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    private Path host(String path) {
        return root.resolve(path.substring(1));
    }

    @Override
    public Node lookup(String path) {
        Path p = host(path);
        if (Files.isDirectory(p)) {
            return new Node.Directory();
        }
        if (!Files.isRegularFile(p)) {
            return Files.exists(p) ? new Node.Special() : null;
        }
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
            int mode = 0;
            for (PosixFilePermission bit : perms) {
                mode |= 1 << (8 - bit.ordinal());
            }
            return new Node.RegularFile(mode, Files.size(p));
        } catch (IOException | UnsupportedOperationException e) {
            return new Node.RegularFile(0644, 0);
        }
    }

    @Override
    public byte[] read(String path) throws IOException {
        return Files.readAllBytes(host(path));
    }
}
