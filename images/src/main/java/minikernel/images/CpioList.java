package minikernel.images;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed gen_init_cpio list: the input format of Linux's usr/gen_init_cpio.c, one entry a
 * line, {@code #} starting a comment line, fields separated by blanks, modes in octal.
 * Parsing also checks what gen_init_cpio leaves to the kernel to discover at boot: every
 * name is declared once, and its parent directory is declared before it.
 *
 * @param items the entries in list order (which becomes inode and archive order)
 */
record CpioList(List<Item> items) {

    /** One line of the list; {@code line} is its number, for messages. */
    sealed interface Item {
        int line();

        String name();
    }

    /** {@code dir NAME MODE UID GID}. */
    record Dir(int line, String name, int mode, long uid, long gid) implements Item {
    }

    /** {@code file NAME LOCATION MODE UID GID [HARDLINK...]}: LOCATION is read at build time. */
    record File(int line, String name, String location, int mode, long uid, long gid, List<String> hardLinks)
            implements Item {
    }

    /** {@code slink NAME TARGET MODE UID GID}. */
    record Slink(int line, String name, String target, int mode, long uid, long gid) implements Item {
    }

    /** {@code nod NAME MODE UID GID c|b MAJOR MINOR}. */
    record Nod(int line, String name, int mode, long uid, long gid, boolean block, int major, int minor)
            implements Item {
    }

    /** {@code pipe NAME MODE UID GID} (a FIFO) or {@code sock NAME MODE UID GID}. */
    record Special(int line, String name, int mode, long uid, long gid, boolean socket) implements Item {
    }

    /** Parses {@code lines}; {@code source} names the list in messages ("rootfs.list"). */
    static CpioList parse(List<String> lines, String source) throws CpioListException {
        List<Item> items = new ArrayList<>();
        Map<String, Boolean> declared = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i).strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            Parser parser = new Parser(source + ":" + (i + 1), text.split("\\s+"));
            Item item = parser.item(i + 1);
            declare(parser, declared, item.name(), item instanceof Dir);
            if (item instanceof File file) {
                for (String link : file.hardLinks()) {
                    declare(parser, declared, link, false);
                }
            }
            items.add(item);
        }
        return new CpioList(List.copyOf(items));
    }

    private static void declare(Parser parser, Map<String, Boolean> declared, String name, boolean directory)
            throws CpioListException {
        if (declared.containsKey(name)) {
            throw parser.error(name + " is declared twice");
        }
        int slash = name.lastIndexOf('/');
        String parent = slash <= 0 ? "/" : name.substring(0, slash);
        if (!parent.equals("/") && !Boolean.TRUE.equals(declared.get(parent))) {
            throw parser.error("the parent directory " + parent + " of " + name + " is not declared before it (dir "
                    + parent + " 755 0 0)");
        }
        declared.put(name, directory);
    }

    /** The fields of one line, with messages that point at it. */
    private record Parser(String where, String[] fields) {

        Item item(int line) throws CpioListException {
            String type = fields[0];
            return switch (type) {
                case "dir" -> {
                    expect(5, "dir NAME MODE UID GID");
                    yield new Dir(line, name(1), mode(2), id(3), id(4));
                }
                case "file" -> {
                    expectAtLeast(6, "file NAME LOCATION MODE UID GID [HARDLINK...]");
                    List<String> links = new ArrayList<>();
                    for (int i = 6; i < fields.length; i++) {
                        links.add(name(i));
                    }
                    yield new File(line, name(1), fields[2], mode(3), id(4), id(5), List.copyOf(links));
                }
                case "slink" -> {
                    expect(6, "slink NAME TARGET MODE UID GID");
                    yield new Slink(line, name(1), fields[2], mode(3), id(4), id(5));
                }
                case "nod" -> {
                    expect(8, "nod NAME MODE UID GID c|b MAJOR MINOR");
                    if (!fields[5].equals("c") && !fields[5].equals("b")) {
                        throw error("device type must be c or b, not '" + fields[5] + "'");
                    }
                    yield new Nod(line, name(1), mode(2), id(3), id(4), fields[5].equals("b"), number(6), number(7));
                }
                case "pipe", "sock" -> {
                    expect(5, type + " NAME MODE UID GID");
                    yield new Special(line, name(1), mode(2), id(3), id(4), type.equals("sock"));
                }
                default -> throw error("unknown entry type '" + type + "' (dir, file, slink, nod, pipe or sock)");
            };
        }

        CpioListException error(String message) {
            return new CpioListException(where + ": " + message);
        }

        private void expect(int count, String usage) throws CpioListException {
            if (fields.length != count) {
                throw error("expected '" + usage + "', found " + fields.length + " fields");
            }
        }

        private void expectAtLeast(int count, String usage) throws CpioListException {
            if (fields.length < count) {
                throw error("expected '" + usage + "', found " + fields.length + " fields");
            }
        }

        /** An absolute path without a trailing '/' (gen_init_cpio strips the leading one). */
        private String name(int index) throws CpioListException {
            String name = fields[index];
            if (!name.startsWith("/") || name.length() < 2 || name.endsWith("/") || name.contains("//")) {
                throw error("bad name '" + name + "': write an absolute path such as /bin/hello");
            }
            return name;
        }

        private int mode(int index) throws CpioListException {
            try {
                int mode = Integer.parseInt(fields[index], 8);
                if (mode >= 0 && mode <= 07777) {
                    return mode;
                }
            } catch (NumberFormatException notOctal) {
                // reported below
            }
            throw error("bad mode '" + fields[index] + "': an octal number up to 7777");
        }

        private long id(int index) throws CpioListException {
            try {
                long id = Long.parseLong(fields[index]);
                if (id >= 0 && id <= 0xffffffffL) {
                    return id;
                }
            } catch (NumberFormatException notNumber) {
                // reported below
            }
            throw error("bad user or group id '" + fields[index] + "'");
        }

        private int number(int index) throws CpioListException {
            try {
                int number = Integer.parseInt(fields[index]);
                if (number >= 0) {
                    return number;
                }
            } catch (NumberFormatException notNumber) {
                // reported below
            }
            throw error("bad device number '" + fields[index] + "'");
        }
    }
}
