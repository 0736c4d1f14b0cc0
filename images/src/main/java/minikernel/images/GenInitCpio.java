package minikernel.images;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a newc cpio archive from a list of entries: the Java twin of Linux's
 * usr/gen_init_cpio.c, which builds the initramfs linked into a kernel. The images module
 * runs it at build time (exec-maven-plugin, process-classes phase) on {@code rootfs.list} to
 * produce the resource {@code /minikernel/images/rootfs.cpio}.
 *
 * <p>Usage: {@code GenInitCpio [-r ROOT] [-t MTIME] [-o OUTPUT] LIST}. File locations in the
 * list are resolved against ROOT (default: the current directory); the output defaults to
 * standard output. The result is deterministic: every entry gets the same mtime (default 0,
 * gen_init_cpio's {@code -t}) and inode numbers count up from 721 in list order, as in
 * gen_init_cpio, so the same inputs always give the same bytes.
 */
public final class GenInitCpio {
    /** gen_init_cpio's first inode number. */
    private static final long FIRST_INO = 721;

    private final Path root;
    private final long mtime;
    private long ino = FIRST_INO;

    private GenInitCpio(Path root, long mtime) {
        this.root = root;
        this.mtime = mtime;
    }

    public static void main(String[] args) throws IOException, CpioListException {
        Path root = Path.of(".");
        Path output = null;
        Path list = null;
        long mtime = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "-r" -> root = Path.of(value(args, ++i, "-r"));
                case "-o" -> output = Path.of(value(args, ++i, "-o"));
                case "-t" -> mtime = parseMtime(value(args, ++i, "-t"));
                default -> {
                    if (list != null || args[i].startsWith("-")) {
                        throw new CpioListException("usage: GenInitCpio [-r ROOT] [-t MTIME] [-o OUTPUT] LIST");
                    }
                    list = Path.of(args[i]);
                }
            }
        }
        if (list == null) {
            throw new CpioListException("usage: GenInitCpio [-r ROOT] [-t MTIME] [-o OUTPUT] LIST");
        }
        byte[] archive = generate(Files.readAllLines(list, StandardCharsets.UTF_8), list.getFileName().toString(),
                root, mtime);
        if (output == null) {
            System.out.write(archive);
            System.out.flush();
        } else {
            Files.createDirectories(output.toAbsolutePath().getParent());
            // Write beside the target, then rename: a reader never sees half an archive.
            Path partial = output.resolveSibling(output.getFileName() + ".partial");
            Files.write(partial, archive);
            Files.move(partial, output, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /**
     * The archive described by {@code lines}; {@code source} names the list in messages and
     * file locations are resolved against {@code root}. A missing or unreadable input file is
     * a {@link CpioListException} naming its line.
     */
    public static byte[] generate(List<String> lines, String source, Path root, long mtime)
            throws CpioListException, IOException {
        CpioList list = CpioList.parse(lines, source);
        GenInitCpio gen = new GenInitCpio(root, mtime);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CpioWriter writer = new CpioWriter(bytes);
        for (CpioList.Item item : list.items()) {
            for (CpioWriter.Header header : gen.headers(item, source)) {
                writer.write(header);
            }
        }
        writer.trailer();
        return bytes.toByteArray();
    }

    /** The archive entries for one list item, each with the next inode number. */
    private List<CpioWriter.Header> headers(CpioList.Item item, String source) throws CpioListException {
        byte[] none = new byte[0];
        return switch (item) {
            case CpioList.Dir d -> List.of(new CpioWriter.Header(strip(d.name()), ino++, CpioWriter.S_IFDIR | d.mode(),
                    d.uid(), d.gid(), 2, mtime, 0, 0, none));
            case CpioList.Slink s -> List.of(new CpioWriter.Header(strip(s.name()), ino++,
                    CpioWriter.S_IFLNK | s.mode(), s.uid(), s.gid(), 1, mtime, 0, 0,
                    s.target().getBytes(StandardCharsets.UTF_8)));
            case CpioList.Nod n -> List.of(new CpioWriter.Header(strip(n.name()), ino++,
                    (n.block() ? CpioWriter.S_IFBLK : CpioWriter.S_IFCHR) | n.mode(), n.uid(), n.gid(), 1, mtime,
                    n.major(), n.minor(), none));
            case CpioList.Special p -> List.of(new CpioWriter.Header(strip(p.name()), ino++,
                    (p.socket() ? CpioWriter.S_IFSOCK : CpioWriter.S_IFIFO) | p.mode(), p.uid(), p.gid(), 1, mtime,
                    0, 0, none));
            case CpioList.File f -> fileHeaders(f, source);
        };
    }

    /** Mirrors cpio_mkfile(): all names share one inode, and the data goes with the last name. */
    private List<CpioWriter.Header> fileHeaders(CpioList.File file, String source) throws CpioListException {
        Path location = root.resolve(file.location());
        byte[] data;
        try {
            data = Files.readAllBytes(location);
        } catch (IOException e) {
            String why = Files.exists(location) ? "cannot be read (" + e.getMessage() + ")" : "does not exist";
            throw new CpioListException(source + ":" + file.line() + ": file " + file.name() + ": " + file.location()
                    + " " + why + " (looked for " + location.toAbsolutePath().normalize() + ")");
        }
        List<String> names = new ArrayList<>();
        names.add(file.name());
        names.addAll(file.hardLinks());
        long shared = ino++;
        List<CpioWriter.Header> headers = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            boolean last = i == names.size() - 1;
            headers.add(new CpioWriter.Header(strip(names.get(i)), shared, CpioWriter.S_IFREG | file.mode(),
                    file.uid(), file.gid(), names.size(), mtime, 0, 0, last ? data : new byte[0]));
        }
        return headers;
    }

    /** gen_init_cpio writes names relative to the root: "/bin/hello" becomes "bin/hello". */
    private static String strip(String name) {
        return name.substring(1);
    }

    private static String value(String[] args, int index, String option) throws CpioListException {
        if (index >= args.length) {
            throw new CpioListException("option " + option + " needs a value");
        }
        return args[index];
    }

    private static long parseMtime(String text) throws CpioListException {
        try {
            long mtime = Long.parseLong(text);
            if (mtime >= 0 && mtime <= 0xffffffffL) {
                return mtime;
            }
        } catch (NumberFormatException notNumber) {
            // reported below
        }
        throw new CpioListException("bad timestamp '" + text + "' for -t: seconds since 1970");
    }
}
