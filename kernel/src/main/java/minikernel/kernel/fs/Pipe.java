package minikernel.kernel.fs;

import minikernel.kernel.mm.UserAccess;
import minikernel.kernel.sched.Scheduler;
import minikernel.kernel.sched.Task;
import minikernel.kernel.sched.WaitQueue;
import minikernel.kernel.signal.Kill;
import minikernel.kernel.signal.Signal;
import minikernel.kernel.syscall.Errno;
import minikernel.kernel.syscall.Syscall;

/**
 * A pipe: Linux's {@code struct pipe_inode_info} (fs/pipe.c), a 64 KiB ring buffer with a read
 * end and a write end, each an open {@link File}. A reader with nothing to read sleeps until a
 * writer writes or the last writer goes (end of file); a writer with no room sleeps until a reader
 * makes some; a write to a pipe nobody can read gets SIGPIPE and EPIPE. Writes of at most
 * PIPE_BUF bytes are atomic.
 */
public final class Pipe {
    public static final int PIPE_SIZE = 64 * 1024;
    public static final int PIPE_BUF = 4096;

    private final byte[] ring = new byte[PIPE_SIZE];
    private final int inode;
    private final Scheduler scheduler;
    private final UserAccess uaccess;
    private final WaitQueue readWait = new WaitQueue("pipe_read");
    private final WaitQueue writeWait = new WaitQueue("pipe_write");
    private int head;       // next byte to read
    private int count;      // bytes in the ring
    private int readers;
    private int writers;

    private Pipe(int inode, Scheduler scheduler, UserAccess uaccess) {
        this.inode = inode;
        this.scheduler = scheduler;
        this.uaccess = uaccess;
    }

    /** create_pipe_files(): {read end, write end}; {@code flags} may add O_NONBLOCK. */
    public static File[] create(int inode, Scheduler scheduler, UserAccess uaccess, int flags) {
        Pipe p = new Pipe(inode, scheduler, uaccess);
        int status = flags & File.O_NONBLOCK;
        return new File[]{p.new ReadEnd(File.O_RDONLY | status), p.new WriteEnd(File.O_WRONLY | status)};
    }

    /** pipe_read(). */
    private long read(Task current, long buf, long want, boolean nonBlocking) {
        if (want == 0) {
            return 0;
        }
        if (count == 0) {
            if (writers == 0) {
                return 0;
            }
            if (nonBlocking) {
                return Errno.EAGAIN.negative();
            }
            scheduler.blockAndRestart(current, readWait);
            return 0;
        }
        int n = (int) Math.min(want, count);
        int first = Math.min(n, PIPE_SIZE - head);          // up to the end of the ring, then from its start
        if (!uaccess.copyToUser(current.mm(), buf, ring, head, first)
                || !uaccess.copyToUser(current.mm(), buf + first, ring, 0, n - first)) {
            return Errno.EFAULT.negative();
        }
        head = (head + n) % PIPE_SIZE;
        count -= n;
        writeWait.wakeUpAll(scheduler);
        return n;
    }

    /**
     * pipe_write(). A blocking write returns only when every byte is in; while it waits, how far
     * it got is kept in the task (a restarted call carries on from there).
     */
    private long write(Task current, long buf, long want, boolean nonBlocking) {
        if (readers == 0) {
            current.setSyscallProgress(0);
            Kill.send(current, Signal.SIGPIPE.number);
            return current.isZombieOrDead() ? Syscall.NO_RETURN : Errno.EPIPE.negative();
        }
        long done = current.syscallProgress();
        current.setSyscallProgress(0);
        while (done < want) {
            long left = want - done;
            int room = PIPE_SIZE - count;
            // A write of at most PIPE_BUF bytes goes in whole or waits: it is never split.
            boolean fits = left <= PIPE_BUF ? room >= left : room > 0;
            if (!fits) {
                if (nonBlocking) {
                    return done > 0 ? done : Errno.EAGAIN.negative();
                }
                current.setSyscallProgress(done);
                scheduler.blockAndRestart(current, writeWait);
                return 0;
            }
            int n = (int) Math.min(left, room);
            int tail = (head + count) % PIPE_SIZE;
            int first = Math.min(n, PIPE_SIZE - tail);      // straight from user memory into the ring
            if (!uaccess.copyFromUser(current.mm(), buf + done, ring, tail, first)
                    || !uaccess.copyFromUser(current.mm(), buf + done + first, ring, 0, n - first)) {
                return done > 0 ? done : Errno.EFAULT.negative();
            }
            count += n;
            done += n;
            readWait.wakeUpAll(scheduler);
        }
        return done;
    }

    /** Kernel bytes into the pipe (sendfile, splice): what fits now; waits only if allowed and nothing fits. */
    private long writeKernel(Task current, byte[] b, int len, boolean nonBlocking, boolean mayBlock) {
        if (readers == 0) {
            Kill.send(current, Signal.SIGPIPE.number);
            return current.isZombieOrDead() ? Syscall.NO_RETURN : Errno.EPIPE.negative();
        }
        int room = PIPE_SIZE - count;
        if (room == 0) {
            if (nonBlocking) {
                return Errno.EAGAIN.negative();
            }
            if (mayBlock) {
                scheduler.blockAndRestart(current, writeWait);
            }
            return 0;
        }
        int n = Math.min(len, room);
        put(b, n);
        readWait.wakeUpAll(scheduler);
        return n;
    }

    /** Appends {@code n} bytes of {@code b} to the ring (the caller made sure they fit). */
    private void put(byte[] b, int n) {
        int tail = (head + count) % PIPE_SIZE;
        int first = Math.min(n, PIPE_SIZE - tail);
        System.arraycopy(b, 0, ring, tail, first);
        System.arraycopy(b, first, ring, 0, n - first);
        count += n;
    }

    /** Bytes waiting to be read (FIONREAD). */
    public int available() {
        return count;
    }

    private final class ReadEnd extends File {
        ReadEnd(int flags) {
            super(flags);
            readers++;
        }

        @Override
        public long read(Task current, long buf, long want) {
            return Pipe.this.read(current, buf, want, nonBlocking());
        }

        /** pipe_poll() for the read end: data to read, or no writer left (hang-up). */
        @Override
        public int poll(Task current) {
            return (count > 0 ? POLLIN | POLLRDNORM : 0) | (writers == 0 ? POLLHUP : 0);
        }

        @Override
        public void pollWait(java.util.List<WaitQueue> table) {
            table.add(readWait);
        }

        @Override
        public Kstat stat() {
            return pipeStat();
        }

        @Override
        protected void release() {
            readers--;
            writeWait.wakeUpAll(scheduler);
        }

        @Override
        protected String anonymousName() {
            return "pipe:[" + inode + "]";
        }
    }

    private final class WriteEnd extends File {
        WriteEnd(int flags) {
            super(flags);
            writers++;
        }

        @Override
        public long write(Task current, long buf, long want) {
            return Pipe.this.write(current, buf, want, nonBlocking());
        }

        @Override
        public long writeKernel(Task current, byte[] b, int len, boolean mayBlock) {
            return Pipe.this.writeKernel(current, b, len, nonBlocking(), mayBlock);
        }

        /** pipe_poll() for the write end: room to write, or no reader left (an error to write). */
        @Override
        public int poll(Task current) {
            return (count < PIPE_SIZE ? POLLOUT | POLLWRNORM : 0) | (readers == 0 ? POLLERR : 0);
        }

        @Override
        public void pollWait(java.util.List<WaitQueue> table) {
            table.add(writeWait);
        }

        @Override
        public Kstat stat() {
            return pipeStat();
        }

        @Override
        protected void release() {
            writers--;
            readWait.wakeUpAll(scheduler);
        }

        @Override
        protected String anonymousName() {
            return "pipe:[" + inode + "]";
        }
    }

    /** A FIFO on pipefs: mode S_IFIFO|0600, device 0:12 as on Linux, block size PAGE_SIZE. */
    private Kstat pipeStat() {
        return new Kstat(Kstat.encodeDev(0, 12), inode, Kstat.S_IFIFO | 0600, 1, 0, 0, 0, 0, 4096, 0,
                0, 0, 0, 0, 0, 0, 0, 0);
    }
}
