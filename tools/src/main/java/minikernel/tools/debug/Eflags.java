package minikernel.tools.debug;

import java.util.List;

/**
 * EFLAGS as gdb's {@code info registers} decodes it: the names of the set flags in bit order,
 * {@code [ PF ZF IF ]}. As in gdb's i386 target description, reserved bit 1 (always set) and
 * the two-bit IOPL field are not shown.
 */
public final class Eflags {
    private Eflags() {
    }

    /** The set flags' names, lowest bit first: {@code [PF, ZF, IF]} for 0x246 (the CPU layer's table). */
    public static List<String> flags(long eflags) {
        return minikernel.cpu.Registers.eflagsSet(eflags);
    }

    /** {@code [ PF ZF IF ]}; {@code [ ]} when none is set. */
    public static String decode(long eflags) {
        return minikernel.cpu.Registers.decodeEflags(eflags);
    }
}
