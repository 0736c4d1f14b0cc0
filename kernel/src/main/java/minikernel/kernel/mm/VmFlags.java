package minikernel.kernel.mm;

/** The {@code vm_flags} bits of include/linux/mm.h that minikernel uses, with Linux's values. */
public final class VmFlags {
    private VmFlags() {
    }

    public static final int VM_READ = 0x1;
    public static final int VM_WRITE = 0x2;
    public static final int VM_EXEC = 0x4;
    public static final int VM_SHARED = 0x8;
    public static final int VM_MAYREAD = 0x10;
    public static final int VM_MAYWRITE = 0x20;
    public static final int VM_MAYEXEC = 0x40;
    public static final int VM_MAYSHARE = 0x80;
    public static final int VM_GROWSDOWN = 0x100;
    public static final int VM_STACK = VM_GROWSDOWN;
    public static final int VM_MAY_ALL = VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC;

    /** PROT_* (mmap, mprotect) to VM_READ/WRITE/EXEC: the same bit values. */
    public static int fromProt(int prot) {
        return prot & (VM_READ | VM_WRITE | VM_EXEC);
    }

    /** "rwxp" as /proc/PID/maps prints it. */
    public static String permissions(int flags) {
        return "" + ((flags & VM_READ) != 0 ? 'r' : '-') + ((flags & VM_WRITE) != 0 ? 'w' : '-')
                + ((flags & VM_EXEC) != 0 ? 'x' : '-') + ((flags & VM_SHARED) != 0 ? 's' : 'p');
    }
}
