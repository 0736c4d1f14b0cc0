package minikernel.tools.debug;

/**
 * A breakpoint: gdb's number, where, for which task (0: any), whether it is on, whether it goes
 * away after its first stop (tbreak), and how often it has stopped the guest.
 */
final class Breakpoint {
    final int number;
    final long address;
    final String where;
    final int pid;
    final boolean temporary;
    boolean enabled = true;
    int hits;

    Breakpoint(int number, long address, String where, int pid, boolean temporary) {
        this.number = number;
        this.address = address;
        this.where = where;
        this.pid = pid;
        this.temporary = temporary;
    }

    boolean appliesTo(int taskPid) {
        return enabled && (pid == 0 || pid == taskPid);
    }
}
