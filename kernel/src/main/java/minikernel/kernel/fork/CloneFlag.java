package minikernel.kernel.fork;

import java.util.EnumSet;
import java.util.StringJoiner;

/**
 * The clone(2) flags of include/uapi/linux/sched.h, with their bits. The kernel keeps flags as an
 * int on its paths; this enum names them for display ({@code CLONE_VM|CLONE_FS|...}).
 */
public enum CloneFlag {
    CLONE_VM(0x00000100), CLONE_FS(0x00000200), CLONE_FILES(0x00000400), CLONE_SIGHAND(0x00000800),
    CLONE_PIDFD(0x00001000), CLONE_PTRACE(0x00002000), CLONE_VFORK(0x00004000), CLONE_PARENT(0x00008000),
    CLONE_THREAD(0x00010000), CLONE_NEWNS(0x00020000), CLONE_SYSVSEM(0x00040000), CLONE_SETTLS(0x00080000),
    CLONE_PARENT_SETTID(0x00100000), CLONE_CHILD_CLEARTID(0x00200000), CLONE_DETACHED(0x00400000),
    CLONE_UNTRACED(0x00800000), CLONE_CHILD_SETTID(0x01000000), CLONE_NEWCGROUP(0x02000000),
    CLONE_NEWUTS(0x04000000), CLONE_NEWIPC(0x08000000), CLONE_NEWUSER(0x10000000), CLONE_NEWPID(0x20000000),
    CLONE_NEWNET(0x40000000), CLONE_IO(0x80000000);

    /** The low byte: the signal sent to the parent when the child exits. */
    public static final int CSIGNAL = 0xff;
    /** Every namespace flag: minikernel has one namespace of each kind. */
    public static final int NAMESPACES = CLONE_NEWNS.bit | CLONE_NEWCGROUP.bit | CLONE_NEWUTS.bit | CLONE_NEWIPC.bit
            | CLONE_NEWUSER.bit | CLONE_NEWPID.bit | CLONE_NEWNET.bit;

    public final int bit;

    CloneFlag(int bit) {
        this.bit = bit;
    }

    public boolean in(long flags) {
        return (flags & bit) != 0;
    }

    public static EnumSet<CloneFlag> decode(long flags) {
        EnumSet<CloneFlag> set = EnumSet.noneOf(CloneFlag.class);
        for (CloneFlag f : values()) {
            if (f.in(flags)) {
                set.add(f);
            }
        }
        return set;
    }

    /** "CLONE_VM|CLONE_FS|...|SIGCHLD" as strace prints a flags argument. */
    public static String toString(long flags) {
        StringJoiner j = new StringJoiner("|");
        for (CloneFlag f : decode(flags)) {
            j.add(f.name());
        }
        int signal = (int) (flags & CSIGNAL);
        if (signal != 0) {
            j.add(minikernel.kernel.signal.Signal.name(signal));
        }
        return j.length() == 0 ? "0" : j.toString();
    }
}
