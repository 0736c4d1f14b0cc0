package minikernel.tools.debug;

import java.util.ArrayList;
import java.util.List;

/**
 * EFLAGS as gdb's {@code info registers} decodes it: the names of the set flags in bit order,
 * {@code [ PF ZF IF ]}. As in gdb's i386 target description, reserved bit 1 (always set) and
 * the two-bit IOPL field are not shown.
 */
public final class Eflags {
    /** Flag names by bit number; null for bits gdb does not name. */
    private static final String[] NAMES = new String[22];

    static {
        NAMES[0] = "CF";
        NAMES[2] = "PF";
        NAMES[4] = "AF";
        NAMES[6] = "ZF";
        NAMES[7] = "SF";
        NAMES[8] = "TF";
        NAMES[9] = "IF";
        NAMES[10] = "DF";
        NAMES[11] = "OF";
        NAMES[14] = "NT";
        NAMES[16] = "RF";
        NAMES[17] = "VM";
        NAMES[18] = "AC";
        NAMES[19] = "VIF";
        NAMES[20] = "VIP";
        NAMES[21] = "ID";
    }

    private Eflags() {
    }

    /** The set flags' names, lowest bit first: {@code [PF, ZF, IF]} for 0x246. */
    public static List<String> flags(long eflags) {
        List<String> set = new ArrayList<>();
        for (int bit = 0; bit < NAMES.length; bit++) {
            if (NAMES[bit] != null && (eflags >>> bit & 1) != 0) {
                set.add(NAMES[bit]);
            }
        }
        return set;
    }

    /** {@code [ PF ZF IF ]}; {@code [ ]} when none is set. */
    public static String decode(long eflags) {
        List<String> set = flags(eflags);
        return set.isEmpty() ? "[ ]" : "[ " + String.join(" ", set) + " ]";
    }
}
