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
 * A pipe: Linux's {@code struct pipe_inode_info} (fs/pipe.c), a ring of 16 page-sized buffers
 * with a read end and a write end, each an open {@link File}. A write fills the last buffer if
 * its sub-page remainder fits there, then takes whole new pages; a read empties buffers from the
 * front, and a page is free again only when it has been read to its end. So the pipe holds 64 KiB
 * of 4096-byte writes but only 64000 bytes of 1000-byte ones, exactly as on Linux. A reader with
 * nothing to read sleeps until a writer writes or the last writer goes (end of file); a writer
 * with no free page sleeps until a reader frees one; a write to a pipe nobody can read gets
 * SIGPIPE and EPIPE. Writes of at most PIPE_BUF bytes are atomic.
 *
 * <p>A named pipe (FIFO) is the same object hung on its inode ({@link Fifo}): its files are
 * {@link End}s opened by name, and the pipe lives from the first open to the last close.
 */
public final class Pipe {
    public static final int PIPE_BUFFERS = 16, PAGE = 4096;
    public static final int PIPE_SIZE = PIPE_BUFFERS * PAGE;
    public static final int PIPE_BUF = 4096;

    /** pipe_buffer: a page and the part of it that holds unread bytes. */
    private static final class Buffer {
        final byte[] page = new byte[PAGE];
        int offset, len;
    }

    private final Buffer[] bufs = new Buffer[PIPE_BUFFERS];
    private final int inode;
    private final Scheduler scheduler;
    private final UserAccess uaccess;
    private final WaitQueue readWait = new WaitQueue("pipe_read");
    private final WaitQueue writeWait = new WaitQueue("pipe_write");
    private int head;       // the first buffer holding data (pipe->tail in Linux's naming)
    private int used;       // buffers in use
    private int count;      // bytes in all of them
    private int readers;
    private int writers;
    private int rCounter, wCounter;   // opens for reading and for writing ever made (fifo_open's partner test)
    private final WaitQueue openWait = new WaitQueue("fifo_open");
    private final Inode fifo;         // the FIFO's inode, whose i_pipe this is; null for pipe(2)

    private Pipe(int inode, Scheduler scheduler, UserAccess uaccess, Inode fifo) {
        this.inode = inode;
        this.fifo = fifo;
        this.scheduler = scheduler;
        this.uaccess = uaccess;
        for (int i = 0; i < PIPE_BUFFERS; i++) {
            bufs[i] = new Buffer();
        }
    }

    /** create_pipe_files(): {read end, write end}; {@code flags} may add O_NONBLOCK. */
    public static File[] create(int inode, Scheduler scheduler, UserAccess uaccess, int flags) {
        Pipe p = new Pipe(inode, scheduler, uaccess, null);
        int status = flags & File.O_NONBLOCK;
        return new File[]{p.new End(File.O_RDONLY | status, null), p.new End(File.O_WRONLY | status, null)};
    }

    /** A new pipe for the FIFO {@code fifo}, hung on it as its i_pipe. */
    static Pipe forFifo(int inode, Scheduler scheduler, UserAccess uaccess, Inode fifo) {
        Pipe p = new Pipe(inode, scheduler, uaccess, fifo);
        fifo.setPipe(p);
        return p;
    }

    boolean hasReaders() {
        return readers > 0;
    }

    /** free_pipe_info(): with no reader and no writer left the FIFO's pipe goes, and its data. */
    void freeIfUnused() {
        if (fifo != null && readers == 0 && writers == 0 && fifo.pipe() == this) {
            fifo.setPipe(null);
        }
    }

    /** fifo_open()'s counting: a new open file of the FIFO, its reader and/or writer counted. */
    End openEnd(int flags, Path path) {
        return new End(flags, path);
    }

    private boolean full() {
        return used == PIPE_BUFFERS;
    }

    /** pipe_read(): from the front buffers until the request is met or the pipe is empty. */
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
        long done = 0;
        boolean freed = false;
        while (done < want && used > 0) {
            Buffer b = bufs[head];
            int n = (int) Math.min(want - done, b.len);
            if (!uaccess.copyToUser(current.mm(), buf + done, b.page, b.offset, n)) {
                return done > 0 ? done : Errno.EFAULT.negative();
            }
            b.offset += n;
            b.len -= n;
            count -= n;
            done += n;
            if (b.len == 0) {          // the page is free again
                b.offset = 0;
                head = (head + 1) % PIPE_BUFFERS;
                used--;
                freed = true;
            }
        }
        if (freed) {
            writeWait.wakeUpAll(scheduler);
        }
        return done;
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
        if (done == 0 && want > 0) {
            // The sub-page remainder of the write goes into the last page if it fits there whole.
            int chars = (int) (want & (PAGE - 1));
            if (chars > 0 && used > 0) {
                Buffer last = bufs[(head + used - 1) % PIPE_BUFFERS];
                if (last.offset + last.len + chars <= PAGE) {
                    if (!uaccess.copyFromUser(current.mm(), buf, last.page, last.offset + last.len, chars)) {
                        return Errno.EFAULT.negative();
                    }
                    last.len += chars;
                    count += chars;
                    done = chars;
                    readWait.wakeUpAll(scheduler);
                }
            }
        }
        while (done < want) {
            if (full()) {
                if (nonBlocking) {
                    return done > 0 ? done : Errno.EAGAIN.negative();
                }
                current.setSyscallProgress(done);
                scheduler.blockAndRestart(current, writeWait);
                return 0;
            }
            int n = (int) Math.min(PAGE, want - done);
            Buffer b = bufs[(head + used) % PIPE_BUFFERS];
            if (!uaccess.copyFromUser(current.mm(), buf + done, b.page, 0, n)) {
                return done > 0 ? done : Errno.EFAULT.negative();
            }
            b.offset = 0;
            b.len = n;
            used++;
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
        if (full()) {
            if (nonBlocking) {
                return Errno.EAGAIN.negative();
            }
            if (mayBlock) {
                scheduler.blockAndRestart(current, writeWait);
            }
            return 0;
        }
        int done = 0;
        while (done < len && !full()) {
            int n = Math.min(PAGE, len - done);
            Buffer buf = bufs[(head + used) % PIPE_BUFFERS];
            System.arraycopy(b, done, buf.page, 0, n);
            buf.offset = 0;
            buf.len = n;
            used++;
            count += n;
            done += n;
        }
        readWait.wakeUpAll(scheduler);
        return done;
    }

    /** pipe_ioctl(): FIONREAD, the bytes waiting to be read; anything else is not for a pipe. */
    private long pipeIoctl(Task current, int request, long arg) {
        if (request != Ioctl.FIONREAD) {
            return Errno.ENOTTY.negative();
        }
        return uaccess.putUser32(current.mm(), arg, count) ? 0 : Errno.EFAULT.negative();
    }

    /** Bytes waiting to be read (FIONREAD). */
    public int available() {
        return count;
    }

    /**
     * An open file of the pipe: a read end, a write end or (a FIFO opened O_RDWR) both. A FIFO's
     * has a path, so fstat shows the FIFO's inode and /proc/PID/fd its name; pipe(2)'s have
     * none and show "pipe:[N]" on pipefs.
     */
    final class End extends File {
        private final int partnerCounter;   // the partner's counter when this end opened
        private final int wCounterAtOpen;    // for a reader: POLLHUP only after a writer came and went

        End(int flags, Path path) {
            super(flags, path);
            boolean wokePartner = false;
            if (readable()) {
                rCounter++;
                wokePartner |= readers++ == 0;
            }
            if (writable()) {
                wCounter++;
                wokePartner |= writers++ == 0;
            }
            if (wokePartner) {
                openWait.wakeUpAll(scheduler);     // wake_up_partner()
            }
            partnerCounter = readable() ? wCounter : rCounter;
            wCounterAtOpen = wCounter;
        }

        /** A partner is there now: a writer for a reader, a reader for a writer (O_RDWR is both). */
        boolean partnerPresent() {
            return readable() && writable() || (readable() ? writers > 0 : readers > 0);
        }

        /** wait_for_partner()'s condition: the partner's counter moved since this end opened. */
        boolean partnerCame() {
            return (readable() ? wCounter : rCounter) != partnerCounter;
        }

        WaitQueue partnerWait() {
            return openWait;
        }

        @Override
        public long read(Task current, long buf, long want) {
            return Pipe.this.read(current, buf, want, nonBlocking());
        }

        @Override
        public long write(Task current, long buf, long want) {
            return Pipe.this.write(current, buf, want, nonBlocking());
        }

        @Override
        public long writeKernel(Task current, byte[] b, int len, boolean mayBlock) {
            return Pipe.this.writeKernel(current, b, len, nonBlocking(), mayBlock);
        }

        /**
         * pipe_poll(): data to read, room to write; POLLERR for a writer with no reader left, and
         * POLLHUP for a reader once a writer has come and gone (a FIFO reader opened before any
         * writer sees none; pipe(2)'s read end was made before its write end, so it does).
         */
        @Override
        public int poll(Task current) {
            int mask = 0;
            if (readable()) {
                mask |= count > 0 ? POLLIN | POLLRDNORM : 0;
                mask |= writers == 0 && wCounter != wCounterAtOpen ? POLLHUP : 0;
            }
            if (writable()) {
                mask |= (!full() ? POLLOUT | POLLWRNORM : 0) | (readers == 0 ? POLLERR : 0);
            }
            return mask;
        }

        @Override
        public void pollWait(java.util.List<WaitQueue> table) {
            if (readable()) {
                table.add(readWait);
            }
            if (writable()) {
                table.add(writeWait);
            }
        }

        @Override
        public long ioctl(Task current, int request, long arg) {
            return pipeIoctl(current, request, arg);
        }

        @Override
        public boolean isPipe() {
            return true;
        }

        @Override
        public Kstat stat() {
            return path() == null ? pipeStat() : super.stat();
        }

        @Override
        protected String anonymousName() {
            return "pipe:[" + inode + "]";
        }

        @Override
        protected void release() {
            if (readable()) {
                readers--;
                writeWait.wakeUpAll(scheduler);
            }
            if (writable()) {
                writers--;
                readWait.wakeUpAll(scheduler);
            }
            freeIfUnused();
        }
    }

    /** A FIFO on pipefs: mode S_IFIFO|0600, device 0:12 as on Linux, block size PAGE_SIZE. */
    private Kstat pipeStat() {
        return new Kstat(Kstat.encodeDev(0, 12), inode, Kstat.S_IFIFO | 0600, 1, 0, 0, 0, 0, 4096, 0,
                0, 0, 0, 0, 0, 0, 0, 0);
    }
}
