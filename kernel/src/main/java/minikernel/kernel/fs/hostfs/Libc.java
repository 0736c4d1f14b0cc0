package minikernel.kernel.fs.hostfs;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_SHORT_UNALIGNED;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The host system calls hostfs makes, through the host's C library with errno captured: each
 * returns its result or -errno, so the guest sees the host kernel's own answers (EACCES,
 * ENOTEMPTY, EXDEV...). Paths given here were composed by the guest kernel's walk, one checked
 * component at a time, never from a guest's raw string.
 */
final class Libc {
    static final int AT_FDCWD = -100, AT_SYMLINK_NOFOLLOW = 0x100, AT_EMPTY_PATH = 0x1000;
    static final int O_RDONLY = 0, O_WRONLY = 1, O_RDWR = 2, O_CREAT = 0100, O_EXCL = 0200,
            O_DIRECTORY = 0200000, O_NOFOLLOW = 0400000, O_CLOEXEC = 02000000, O_LARGEFILE = 0100000;
    private static final int STATX_BASIC_STATS = 0x7ff, STATX_BTIME = 0x800;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final Linker.Option CAPTURE_ERRNO = Linker.Option.captureCallState("errno");

    private Libc() {
    }

    /** A host inode's attributes (struct statx). */
    record Stat(long dev, long ino, int mode, int nlink, int uid, int gid, long rdev, long size, long blocks,
                long atime, long mtime, long ctime) {
    }

    private static MethodHandle handle(String name, FunctionDescriptor fd, int firstVariadic) {
        MemorySegment fn = LINKER.defaultLookup().find(name).orElseThrow();
        return firstVariadic < 0 ? LINKER.downcallHandle(fn, fd, CAPTURE_ERRNO)
                : LINKER.downcallHandle(fn, fd, CAPTURE_ERRNO, Linker.Option.firstVariadicArg(firstVariadic));
    }

    private static final class H {
        static final MethodHandle STATX = handle("statx",
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT, ADDRESS), -1);
        static final MethodHandle STATFS = handle("statfs", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS), -1);
        static final MethodHandle OPEN = handle("open", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT), 2);
        static final MethodHandle CLOSE = handle("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT), -1);
        static final MethodHandle PREAD = handle("pread64",
                FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_LONG), -1);
        static final MethodHandle PWRITE = handle("pwrite64",
                FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_LONG), -1);
        static final MethodHandle FTRUNCATE = handle("ftruncate64", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG), -1);
        static final MethodHandle TRUNCATE = handle("truncate64", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG), -1);
        static final MethodHandle FSYNC = handle("fsync", FunctionDescriptor.of(JAVA_INT, JAVA_INT), -1);
        static final MethodHandle MKDIR = handle("mkdir", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT), -1);
        static final MethodHandle MKFIFO = handle("mkfifo", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT), -1);
        static final MethodHandle RMDIR = handle("rmdir", FunctionDescriptor.of(JAVA_INT, ADDRESS), -1);
        static final MethodHandle UNLINK = handle("unlink", FunctionDescriptor.of(JAVA_INT, ADDRESS), -1);
        static final MethodHandle RENAME = handle("rename", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS), -1);
        static final MethodHandle LINK = handle("link", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS), -1);
        static final MethodHandle SYMLINK = handle("symlink", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS), -1);
        static final MethodHandle READLINK = handle("readlink",
                FunctionDescriptor.of(JAVA_LONG, ADDRESS, ADDRESS, JAVA_LONG), -1);
        static final MethodHandle CHMOD = handle("chmod", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT), -1);
        static final MethodHandle LCHOWN = handle("lchown", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT), -1);
        static final MethodHandle UTIMENSAT = handle("utimensat",
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS, JAVA_INT), -1);
        static final MethodHandle GETDENTS = handle("getdents64",
                FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG), -1);
    }

    private static int errno(MemorySegment state) {
        return (int) ERRNO.get(state, 0L);
    }

    private static RuntimeException bug(Throwable t) {
        return new IllegalStateException("host call failed", t);
    }

    /** statx without following a final symlink: the attributes, or null with {@code err[0]} = errno. */
    static Stat lstat(String path, int[] err) {
        return statx(AT_FDCWD, path, AT_SYMLINK_NOFOLLOW, err);
    }

    /** fstat of a host descriptor. */
    static Stat fstat(int fd, int[] err) {
        return statx(fd, "", AT_EMPTY_PATH, err);
    }

    private static Stat statx(int dirfd, String path, int flags, int[] err) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = a.allocate(CAPTURE);
            MemorySegment s = a.allocate(256, 8);
            int r = (int) H.STATX.invokeExact(st, dirfd, a.allocateFrom(path), flags, STATX_BASIC_STATS | STATX_BTIME, s);
            if (r != 0) {
                err[0] = errno(st);
                return null;
            }
            return new Stat(
                    minikernel.kernel.fs.Kstat.encodeDev(s.get(JAVA_INT_UNALIGNED, 0x88), s.get(JAVA_INT_UNALIGNED, 0x8c)),
                    s.get(JAVA_LONG_UNALIGNED, 0x20), s.get(JAVA_SHORT_UNALIGNED, 0x1c) & 0xffff,
                    s.get(JAVA_INT_UNALIGNED, 0x10), s.get(JAVA_INT_UNALIGNED, 0x14), s.get(JAVA_INT_UNALIGNED, 0x18),
                    minikernel.kernel.fs.Kstat.encodeDev(s.get(JAVA_INT_UNALIGNED, 0x80), s.get(JAVA_INT_UNALIGNED, 0x84)),
                    s.get(JAVA_LONG_UNALIGNED, 0x28), s.get(JAVA_LONG_UNALIGNED, 0x30),
                    nanos(s, 0x40), nanos(s, 0x70), nanos(s, 0x60));
        } catch (Throwable t) {
            throw bug(t);
        }
    }

    private static long nanos(MemorySegment s, long at) {
        return s.get(JAVA_LONG_UNALIGNED, at) * 1_000_000_000L + (s.get(JAVA_INT_UNALIGNED, at + 8) & 0xffffffffL);
    }

    /** statfs(2) of a host path (x86-64 struct statfs: eleven 8-byte fields, f_fsid two ints), or null. */
    static minikernel.kernel.fs.Statfs.Kstatfs statfs(String path, int[] err) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = a.allocate(CAPTURE);
            MemorySegment s = a.allocate(120, 8);
            int r = (int) H.STATFS.invokeExact(st, a.allocateFrom(path), s);
            if (r != 0) {
                err[0] = errno(st);
                return null;
            }
            return new minikernel.kernel.fs.Statfs.Kstatfs(s.get(JAVA_LONG, 0), s.get(JAVA_LONG, 8),
                    s.get(JAVA_LONG, 16), s.get(JAVA_LONG, 24), s.get(JAVA_LONG, 32), s.get(JAVA_LONG, 40),
                    s.get(JAVA_LONG, 48), s.get(JAVA_LONG, 56), s.get(JAVA_LONG, 64), s.get(JAVA_LONG, 72),
                    s.get(JAVA_LONG, 80));
        } catch (Throwable t) {
            throw bug(t);
        }
    }

    static int open(String path, int flags, int mode) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = a.allocate(CAPTURE);
            int fd = (int) H.OPEN.invokeExact(st, a.allocateFrom(path), flags | O_CLOEXEC | O_NOFOLLOW | O_LARGEFILE, mode);
            return fd >= 0 ? fd : -errno(st);
        } catch (Throwable t) {
            throw bug(t);
        }
    }

    static void close(int fd) {
        try (Arena a = Arena.ofConfined()) {
            int ignored = (int) H.CLOSE.invokeExact(a.allocate(CAPTURE), fd);
        } catch (Throwable t) {
            throw bug(t);
        }
    }

    static long pread(int fd, byte[] b, int off, int len, long offset) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = a.allocate(CAPTURE);
            MemorySegment buf = a.allocate(Math.max(len, 1));
            long n = (long) H.PREAD.invokeExact(st, fd, buf, (long) len, offset);
            if (n < 0) {
                return -errno(st);
            }
            MemorySegment.copy(buf, JAVA_BYTE, 0, b, off, (int) n);
            return n;
        } catch (Throwable t) {
            throw bug(t);
        }
    }

    static long pwrite(int fd, byte[] b, int off, int len, long offset) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = a.allocate(CAPTURE);
            MemorySegment buf = a.allocate(Math.max(len, 1));
            MemorySegment.copy(b, off, buf, JAVA_BYTE, 0, len);
            long n = (long) H.PWRITE.invokeExact(st, fd, buf, (long) len, offset);
            return n >= 0 ? n : -errno(st);
        } catch (Throwable t) {
            throw bug(t);
        }
    }

    static int ftruncate(int fd, long length) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = a.allocate(CAPTURE);
            int r = (int) H.FTRUNCATE.invokeExact(st, fd, length);
            return r == 0 ? 0 : -errno(st);
        } catch (Throwable t) {
            throw bug(t);
        }
    }

    static int fsync(int fd) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = a.allocate(CAPTURE);
            int r = (int) H.FSYNC.invokeExact(st, fd);
            return r == 0 ? 0 : -errno(st);
        } catch (Throwable t) {
            throw bug(t);
        }
    }

    /** A path call with one path argument: mkdir(path, mode), mkfifo(path, mode), chmod(path, mode), rmdir, unlink, truncate. */
    static int call(String what, String path, long arg) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = a.allocate(CAPTURE);
            MemorySegment p = a.allocateFrom(path);
            int r = switch (what) {
                case "mkdir" -> (int) H.MKDIR.invokeExact(st, p, (int) arg);
                case "mkfifo" -> (int) H.MKFIFO.invokeExact(st, p, (int) arg);
                case "chmod" -> (int) H.CHMOD.invokeExact(st, p, (int) arg);
                case "rmdir" -> (int) H.RMDIR.invokeExact(st, p);
                case "unlink" -> (int) H.UNLINK.invokeExact(st, p);
                case "truncate" -> (int) H.TRUNCATE.invokeExact(st, p, arg);
                default -> throw new IllegalArgumentException(what);
            };
            return r == 0 ? 0 : -errno(st);
        } catch (Throwable t) {
            throw bug(t);
        }
    }

    /** A call with two path arguments: rename(a, b), link(a, b), symlink(target a, at b). */
    static int call2(String what, String a1, String a2) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = a.allocate(CAPTURE);
            MemorySegment p1 = a.allocateFrom(a1), p2 = a.allocateFrom(a2);
            int r = switch (what) {
                case "rename" -> (int) H.RENAME.invokeExact(st, p1, p2);
                case "link" -> (int) H.LINK.invokeExact(st, p1, p2);
                case "symlink" -> (int) H.SYMLINK.invokeExact(st, p1, p2);
                default -> throw new IllegalArgumentException(what);
            };
            return r == 0 ? 0 : -errno(st);
        } catch (Throwable t) {
            throw bug(t);
        }
    }

    static int lchown(String path, int uid, int gid) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = a.allocate(CAPTURE);
            int r = (int) H.LCHOWN.invokeExact(st, a.allocateFrom(path), uid, gid);
            return r == 0 ? 0 : -errno(st);
        } catch (Throwable t) {
            throw bug(t);
        }
    }

    /** utimensat(AT_FDCWD, path, times, AT_SYMLINK_NOFOLLOW); -1 is UTIME_OMIT, -2 UTIME_NOW (the host's clock). */
    static int utimens(String path, long atimeNs, long mtimeNs) {
        final long utimeOmit = (1L << 30) - 2, utimeNow = (1L << 30) - 1;
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = a.allocate(CAPTURE);
            MemorySegment ts = a.allocate(32, 8);
            ts.set(JAVA_LONG, 0, atimeNs < 0 ? 0 : atimeNs / 1_000_000_000L);
            ts.set(JAVA_LONG, 8, atimeNs == -1 ? utimeOmit : atimeNs == -2 ? utimeNow : atimeNs % 1_000_000_000L);
            ts.set(JAVA_LONG, 16, mtimeNs < 0 ? 0 : mtimeNs / 1_000_000_000L);
            ts.set(JAVA_LONG, 24, mtimeNs == -1 ? utimeOmit : mtimeNs == -2 ? utimeNow : mtimeNs % 1_000_000_000L);
            int r = (int) H.UTIMENSAT.invokeExact(st, AT_FDCWD, a.allocateFrom(path), ts, AT_SYMLINK_NOFOLLOW);
            return r == 0 ? 0 : -errno(st);
        } catch (Throwable t) {
            throw bug(t);
        }
    }

    /** readlink: the link's text, or null with {@code err[0]} = errno. */
    static String readlink(String path, int[] err) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = a.allocate(CAPTURE);
            MemorySegment buf = a.allocate(4096);
            long n = (long) H.READLINK.invokeExact(st, a.allocateFrom(path), buf, 4096L);
            if (n < 0) {
                err[0] = errno(st);
                return null;
            }
            return new String(buf.asSlice(0, n).toArray(JAVA_BYTE), StandardCharsets.UTF_8);
        } catch (Throwable t) {
            throw bug(t);
        }
    }

    /** One entry of a host directory: name, inode number, d_type. */
    record Dirent(String name, long ino, int type) {
    }

    /** The entries of a host directory (without "." and ".."), or null with {@code err[0]} = errno. */
    static List<Dirent> list(String path, int[] err) {
        int fd = open(path, O_RDONLY | O_DIRECTORY, 0);
        if (fd < 0) {
            err[0] = -fd;
            return null;
        }
        List<Dirent> out = new ArrayList<>();
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = a.allocate(CAPTURE);
            MemorySegment buf = a.allocate(32768, 8);
            while (true) {
                long n = (long) H.GETDENTS.invokeExact(st, fd, buf, 32768L);
                if (n < 0) {
                    err[0] = errno(st);
                    return null;
                }
                if (n == 0) {
                    return out;
                }
                for (long at = 0; at < n; ) {
                    long ino = buf.get(JAVA_LONG_UNALIGNED, at);
                    int reclen = buf.get(JAVA_SHORT_UNALIGNED, at + 16) & 0xffff;
                    int type = buf.get(JAVA_BYTE, at + 18) & 0xff;
                    String name = buf.getString(at + 19, StandardCharsets.UTF_8);
                    if (!name.equals(".") && !name.equals("..")) {
                        out.add(new Dirent(name, ino, type));
                    }
                    at += reclen;
                }
            }
        } catch (Throwable t) {
            throw bug(t);
        } finally {
            close(fd);
        }
    }
}
