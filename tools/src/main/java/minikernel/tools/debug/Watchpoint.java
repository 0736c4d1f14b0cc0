package minikernel.tools.debug;

/**
 * watch ADDR [LEN]: a range of one address space, compared before every instruction. gdb's
 * numbering is shared with breakpoints; {@code value} is what the range held at the last stop.
 */
final class Watchpoint {
    final int number;
    final long address;
    final int length;
    final String what;
    final int pid;                 // whose address space (found again in each run: a replay is a new kernel)
    byte[] value;
    Object run;                    // the kernel whose run it was armed in
    boolean read;                  // rwatch: stop when an instruction reads it
    long physical = -1;            // where its bytes are now (rwatch: the hook sees physical addresses)
    int hits;

    Watchpoint(int number, long address, int length, String what, int pid, byte[] value) {
        this.number = number;
        this.address = address;
        this.length = length;
        this.what = what;
        this.pid = pid;
        this.value = value;
    }
}
