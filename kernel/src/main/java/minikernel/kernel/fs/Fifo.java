package minikernel.kernel.fs;

import minikernel.kernel.sched.Task;
import minikernel.kernel.syscall.Errno;

/**
 * fifo_open() of fs/pipe.c: opening a named pipe (a FIFO inode, on any filesystem) attaches the
 * open file to the inode's pipe ({@code i_pipe}), made by the first open and freed by the last
 * close, so data never outlives the last opener. An open for reading with no writer waits for one
 * and an open for writing with no reader waits for one ("wait_for_partner": until the partner
 * counter moves), unless O_NONBLOCK: then a reader opens at once and a writer gets ENXIO. O_RDWR
 * never waits: the opener is its own partner.
 *
 * <p>Waiting uses the kernel's restart model. The open counts its reader or writer at once (so a
 * partner that arrives meanwhile does not wait too), holds the file in the task ({@link
 * Task#holdFile}) and sleeps; woken, the call runs again from the start and takes the held file
 * if the partner counter moved. A call that ends any other way (an error in the new path walk,
 * the task's exit) drops the held file, and the count with it.
 */
final class Fifo {
    private Fifo() {
    }

    static File open(Task current, Path path, int flags) {
        Inode inode = path.inode();
        File held = current.takeHeldFile();
        if (held instanceof Pipe.End end && end.inode() == inode) {
            return end.partnerCame() ? end : waitForPartner(current, end);
        }
        if (held != null) {
            held.put();
        }
        int acc = flags & File.O_ACCMODE;
        if (acc == File.O_ACCMODE) {
            throw new VfsError(Errno.EINVAL);       // neither FMODE_READ nor FMODE_WRITE
        }
        Pipe pipe = inode.pipe();
        if (pipe == null) {
            pipe = Pipe.forFifo(current.kernel().nextInode(), current.kernel().scheduler(),
                    current.kernel().userAccess(), inode);
        }
        boolean nonBlocking = (flags & File.O_NONBLOCK) != 0;
        if (acc == File.O_WRONLY && nonBlocking && !pipe.hasReaders()) {
            pipe.freeIfUnused();
            throw new VfsError(Errno.ENXIO);
        }
        Pipe.End end = pipe.openEnd(flags, path);
        return nonBlocking || end.partnerPresent() ? end : waitForPartner(current, end);
    }

    private static File waitForPartner(Task current, Pipe.End end) {
        current.holdFile(end);
        current.kernel().scheduler().blockAndRestart(current, end.partnerWait());
        throw new VfsError(Errno.EINTR);       // never seen: the call runs again when woken
    }
}
