package minikernel.kernel.drivers;

import static java.lang.foreign.ValueLayout.ADDRESS;
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
import minikernel.kernel.fs.Kstat;

/**
 * A file descriptor of the host process, used as a device by the guest's console: the host's
 * read(2), write(2), ioctl(2), poll(2) and statx(2) through the host C library, with errno
 * captured. When the host's stdin is not a terminal the kernel passes the guest's bytes and its
 * terminal questions straight through, so a guest sees its stdin, stdout and stderr as a native
 * program would (a pipe or a file); on a terminal it is the device under the console tty.
 */
public final class HostFd {
    /**
     * Terminal requests, with the same numbers and the same 36-byte struct termios and 8-byte
     * struct winsize on i386 and x86-64.
     */
    public static final int TCGETS = 0x5401, TCSETSW = 0x5403, TIOCGPGRP = 0x540F, TIOCGWINSZ = 0x5413;
    public static final int TERMIOS_SIZE = 36;
    public static final int STATX_SIZE = 256;
    private static final int AT_EMPTY_PATH = 0x1000;
    private static final int STATX_BASIC_STATS = 0x7ff;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO =
            CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final Linker.Option CAPTURE_ERRNO = Linker.Option.captureCallState("errno");

    private final int fd;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment errno = arena.allocate(CAPTURE);
    private MemorySegment buffer;          // allocated on first use: most descriptors never need one
    private MemorySegment pollfd;

    public HostFd(int fd) {
        this.fd = fd;
    }

    public int fd() {
        return fd;
    }

    /** open(2) on the host: a descriptor, or -errno. O_* flags are the host's (x86-64 Linux). */
    public static int open(String path, int flags, int mode) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment errno = a.allocate(CAPTURE);
            int fd = (int) Calls.OPEN.invokeExact(errno, a.allocateFrom(path), flags, mode);
            return fd >= 0 ? fd : -(int) ERRNO.get(errno, 0L);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** close(2) on the host. */
    public static void close(int fd) {
        try {
            int ignored = (int) Calls.CLOSE.invokeExact(fd);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** poll(2) for input: true if a read would not block, waiting up to {@code timeoutMs} (-1: forever). */
    public boolean readable(int timeoutMs) {
        if (pollfd == null) {
            pollfd = arena.allocate(8, 4);
        }
        MemorySegment pfd = pollfd;
        pfd.set(JAVA_INT, 0, fd);
        pfd.set(java.lang.foreign.ValueLayout.JAVA_SHORT, 4, (short) 1);   // POLLIN
        pfd.set(java.lang.foreign.ValueLayout.JAVA_SHORT, 6, (short) 0);
        try {
            while (true) {
                int r = (int) Calls.POLL.invokeExact(errno, pfd, 1L, timeoutMs);
                if (r >= 0) {
                    return r > 0;
                }
                if ((int) ERRNO.get(errno, 0L) != 4) {
                    return true;    // let the read itself report the error
                }
            }
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** A native buffer of at least {@code size} bytes, reused across calls. */
    public MemorySegment buffer(long size) {
        if (buffer == null || buffer.byteSize() < size) {
            buffer = arena.allocate(Math.max(size, buffer == null ? 64 * 1024 : buffer.byteSize() * 2), 16);
        }
        return buffer;
    }

    /** write(2) of {@code length} bytes of {@code data}, retried on EINTR; -errno on failure. */
    public long write(MemorySegment data, long length) {
        long done = 0;
        while (done < length) {
            long n = call(Calls.WRITE, data.asSlice(done), length - done);
            if (n < 0) {
                return done > 0 ? done : n;
            }
            done += n;
        }
        return done;
    }

    /** read(2), retried on EINTR; -errno on failure. */
    public long read(MemorySegment into, long length) {
        return call(Calls.READ, into, length);
    }

    /** ioctl(fd, TCGETS, termios): 0 with the host's terminal settings in {@code termios}, or -errno. */
    public long tcgets(MemorySegment termios) {
        return ioctl(TCGETS, termios);
    }

    /**
     * May the JVM change this terminal's settings without being stopped? Not if it is the JVM's
     * controlling terminal and the JVM is not in its foreground group (a job the user's shell
     * runs in the background gets SIGTTOU for that); any other terminal, yes.
     */
    public boolean mayChangeTerminal() {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment pgrp = a.allocate(JAVA_INT);
            return ioctl(TIOCGPGRP, pgrp) != 0 || pgrp.get(JAVA_INT, 0) == (int) Calls.GETPGRP.invokeExact();
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** isatty(3): TCGETS succeeds only on a terminal. */
    public boolean isatty() {
        try (Arena a = Arena.ofConfined()) {
            return tcgets(a.allocate(TERMIOS_SIZE)) == 0;
        }
    }

    /** ioctl(fd, request, arg), retried on EINTR: its result, or -errno. */
    public long ioctl(long request, MemorySegment arg) {
        try {
            while (true) {
                int r = (int) Calls.IOCTL.invokeExact(errno, fd, request, arg);
                if (r >= 0) {
                    return r;
                }
                int e = (int) ERRNO.get(errno, 0L);
                if (e != 4) {
                    return -e;
                }
            }
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** statx(fd, "", AT_EMPTY_PATH, STATX_BASIC_STATS): the host's struct statx (256 bytes) or -errno. */
    public long statx(MemorySegment statx) {
        try (Arena a = Arena.ofConfined()) {
            int r = (int) Calls.STATX.invokeExact(errno, fd, a.allocateFrom(""), AT_EMPTY_PATH,
                    STATX_BASIC_STATS, statx);
            return r == 0 ? 0 : -(int) ERRNO.get(errno, 0L);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** The host's statx of the descriptor as a Kstat, or null if it fails. */
    public Kstat kstat() {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment s = a.allocate(STATX_SIZE, 8);
            if (statx(s) < 0) {
                return null;
            }
            // struct statx (include/uapi/linux/stat.h): the same layout on every architecture
            return new Kstat(
                    Kstat.encodeDev(s.get(JAVA_INT_UNALIGNED, 0x88), s.get(JAVA_INT_UNALIGNED, 0x8c)),
                    s.get(JAVA_LONG_UNALIGNED, 0x20),
                    s.get(JAVA_SHORT_UNALIGNED, 0x1c) & 0xffff,
                    s.get(JAVA_INT_UNALIGNED, 0x10),
                    s.get(JAVA_INT_UNALIGNED, 0x14),
                    s.get(JAVA_INT_UNALIGNED, 0x18),
                    Kstat.encodeDev(s.get(JAVA_INT_UNALIGNED, 0x80), s.get(JAVA_INT_UNALIGNED, 0x84)),
                    s.get(JAVA_LONG_UNALIGNED, 0x28),
                    s.get(JAVA_INT_UNALIGNED, 0x04),
                    s.get(JAVA_LONG_UNALIGNED, 0x30),
                    s.get(JAVA_LONG_UNALIGNED, 0x40), s.get(JAVA_INT_UNALIGNED, 0x48),
                    s.get(JAVA_LONG_UNALIGNED, 0x70), s.get(JAVA_INT_UNALIGNED, 0x78),
                    s.get(JAVA_LONG_UNALIGNED, 0x60), s.get(JAVA_INT_UNALIGNED, 0x68),
                    s.get(JAVA_LONG_UNALIGNED, 0x50), s.get(JAVA_INT_UNALIGNED, 0x58));
        }
    }

    private long call(MethodHandle h, MemorySegment data, long length) {
        try {
            while (true) {
                long n = (long) h.invokeExact(errno, fd, data, length);
                if (n >= 0) {
                    return n;
                }
                int e = (int) ERRNO.get(errno, 0L);
                if (e != 4) {    // EINTR: the JVM's own signals may interrupt a blocking call
                    return -e;
                }
            }
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** Downcall handles into the host's libc, created on first use. */
    private static final class Calls {
        static final MethodHandle WRITE = handle("write",
                FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));
        static final MethodHandle READ = handle("read",
                FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));
        static final MethodHandle IOCTL = LINKER.downcallHandle(LINKER.defaultLookup().find("ioctl").orElseThrow(),
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, ADDRESS), CAPTURE_ERRNO,
                Linker.Option.firstVariadicArg(2));
        static final MethodHandle OPEN = LINKER.downcallHandle(LINKER.defaultLookup().find("open").orElseThrow(),
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT), CAPTURE_ERRNO,
                Linker.Option.firstVariadicArg(2));
        static final MethodHandle POLL = handle("poll", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT));
        static final MethodHandle GETPGRP = LINKER.downcallHandle(LINKER.defaultLookup().find("getpgrp").orElseThrow(),
                FunctionDescriptor.of(JAVA_INT));
        static final MethodHandle CLOSE = LINKER.downcallHandle(LINKER.defaultLookup().find("close").orElseThrow(),
                FunctionDescriptor.of(JAVA_INT, JAVA_INT));
        static final MethodHandle STATX = handle("statx",
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT, ADDRESS));

        private static MethodHandle handle(String name, FunctionDescriptor fd) {
            return LINKER.downcallHandle(LINKER.defaultLookup().find(name).orElseThrow(), fd, CAPTURE_ERRNO);
        }
    }
}
