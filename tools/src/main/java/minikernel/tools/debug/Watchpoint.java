package minikernel.tools.debug;

import minikernel.kernel.mm.MmStruct;

/**
 * watch ADDR [LEN]: a range of one address space, compared before every instruction. gdb's
 * numbering is shared with breakpoints; {@code value} is what the range held at the last stop.
 */
final class Watchpoint {
    final int number;
    final long address;
    final int length;
    final String what;
    final MmStruct mm;
    byte[] value;
    int hits;

    Watchpoint(int number, long address, int length, String what, MmStruct mm, byte[] value) {
        this.number = number;
        this.address = address;
        this.length = length;
        this.what = what;
        this.mm = mm;
        this.value = value;
    }
}
