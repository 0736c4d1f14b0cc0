package minikernel.kernel.exec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import minikernel.kernel.mm.MmStruct;
import minikernel.kernel.mm.UserAccess;
import minikernel.kernel.mm.Vma;
import minikernel.kernel.mm.VmFlags;

/**
 * Builds a new program's stack as Linux does: setup_arg_pages() and copy_strings() in fs/exec.c
 * put the file name, the environment and the arguments at the top, and create_elf_tables() in
 * fs/binfmt_elf.c adds the platform string, 16 random bytes, and below them argc, the argv and
 * envp pointer arrays and the auxiliary vector, with the final stack pointer 16-byte aligned.
 *
 * <pre>
 *   STACK_TOP   ->  (4 bytes)
 *                   file name ("./hello")        <- AT_EXECFN
 *                   envp strings, argv strings   (argv[0] lowest)
 *                   "i686"                       <- AT_PLATFORM
 *                   16 random bytes              <- AT_RANDOM
 *                   auxv pairs, AT_NULL
 *                   NULL, envp[...]
 *                   NULL, argv[...]
 *   esp         ->  argc
 * </pre>
 */
public final class InitialStack {
    /** Extra room the stack area starts with below the arguments (setup_arg_pages' stack_expand). */
    private static final long STACK_EXPAND = 128 * 1024;
    /** include/uapi/linux/auxvec.h and arch/x86 values. */
    static final int AT_NULL = 0, AT_PHDR = 3, AT_PHENT = 4, AT_PHNUM = 5, AT_PAGESZ = 6, AT_BASE = 7,
            AT_FLAGS = 8, AT_ENTRY = 9, AT_UID = 11, AT_EUID = 12, AT_GID = 13, AT_EGID = 14,
            AT_PLATFORM = 15, AT_HWCAP = 16, AT_CLKTCK = 17, AT_SECURE = 23, AT_RANDOM = 25,
            AT_HWCAP2 = 26, AT_EXECFN = 31;

    /** Who the program runs as and what the CPU offers: the auxv entries that are not the file's. */
    public record Credentials(int uid, int euid, int gid, int egid, long hwcap) {
    }

    /** Where things ended up: the initial ESP and the mm's argument and environment bounds. */
    public record Layout(long sp, long argStart, long argEnd, long envStart, long envEnd) {
    }

    /** Thrown when the arguments do not fit or a page could not be written. */
    public static final class StackException extends Exception {
        public StackException(String message) {
            super(message);
        }
    }

    private final MmStruct mm;
    private final UserAccess uaccess;
    private long p = MmStruct.STACK_TOP;

    private InitialStack(MmStruct mm, UserAccess uaccess) {
        this.mm = mm;
        this.uaccess = uaccess;
    }

    /** Maps the stack area and writes everything a new program finds on its stack. */
    public static Layout create(MmStruct mm, UserAccess uaccess, ElfLoader.Loaded loaded, String execfn,
                                List<String> argv, List<String> envp, Credentials cred, byte[] random)
            throws StackException {
        long stringBytes = 0;
        for (String s : argv) {
            stringBytes += s.getBytes(StandardCharsets.UTF_8).length + 1;
        }
        for (String s : envp) {
            stringBytes += s.getBytes(StandardCharsets.UTF_8).length + 1;
        }
        // The strings may take at most a quarter of the stack limit (fs/exec.c get_arg_page).
        if (stringBytes > MmStruct.STACK_LIMIT / 4) {
            throw new StackException("argument list too long (E2BIG)");
        }
        long top = MmStruct.STACK_TOP;
        long bottom = (top - stringBytes - 4096 - STACK_EXPAND) & ~0xfffL;
        mm.insert(Vma.anonymous(bottom, top, VmFlags.VM_READ | VmFlags.VM_WRITE | VmFlags.VM_MAY_ALL
                | VmFlags.VM_GROWSDOWN | (mm.readImpliesExec() ? VmFlags.VM_EXEC : 0)));
        InitialStack s = new InitialStack(mm, uaccess);
        return s.build(loaded, execfn, argv, envp, cred, random);
    }

    private Layout build(ElfLoader.Loaded loaded, String execfn, List<String> argv, List<String> envp,
                         Credentials cred, byte[] random) throws StackException {
        p -= 4;
        long execfnAt = pushString(execfn);
        List<Long> envAt = pushStrings(envp);
        List<Long> argAt = pushStrings(argv);
        long envStart = envp.isEmpty() ? execfnAt : envAt.get(0);
        long argStart = argv.isEmpty() ? envStart : argAt.get(0);
        p &= ~0xfL;                                   // arch_align_stack without randomisation
        long platform = pushString("i686");
        p -= random.length;
        long randomAt = p;
        write(randomAt, random);

        long[] auxv = {
                AT_HWCAP, cred.hwcap(), AT_PAGESZ, 4096, AT_CLKTCK, 100,
                AT_PHDR, loaded.phdr(), AT_PHENT, 32, AT_PHNUM, loaded.phnum(), AT_BASE, 0, AT_FLAGS, 0,
                AT_ENTRY, loaded.entry(), AT_UID, cred.uid(), AT_EUID, cred.euid(), AT_GID, cred.gid(),
                AT_EGID, cred.egid(), AT_SECURE, 0, AT_RANDOM, randomAt, AT_EXECFN, execfnAt,
                AT_PLATFORM, platform, AT_NULL, 0};
        int items = 1 + argv.size() + 1 + envp.size() + 1 + auxv.length;
        long sp = (p - 4L * items) & ~0xfL;           // STACK_ROUND: ESP 16-byte aligned at entry
        long[] words = new long[items];
        int i = 0;
        words[i++] = argv.size();
        for (long a : argAt) {
            words[i++] = a;
        }
        words[i++] = 0;
        for (long e : envAt) {
            words[i++] = e;
        }
        words[i++] = 0;
        for (long v : auxv) {
            words[i++] = v;
        }
        if (!uaccess.putUser32s(mm, sp, words)) {
            throw new StackException("cannot write the initial stack");
        }
        // The argument strings end where the environment strings begin, and those at the file name.
        return new Layout(sp, argStart, envStart, envStart, execfnAt);
    }

    /** Strings pushed last-first, so the first ends up lowest, as copy_strings() leaves them. */
    private List<Long> pushStrings(List<String> strings) throws StackException {
        List<Long> at = new ArrayList<>(strings.size());
        for (int k = strings.size() - 1; k >= 0; k--) {
            at.add(0, pushString(strings.get(k)));
        }
        return at;
    }

    private long pushString(String s) throws StackException {
        byte[] bytes = (s + "\0").getBytes(StandardCharsets.UTF_8);
        p -= bytes.length;
        write(p, bytes);
        return p;
    }

    private void write(long at, byte[] bytes) throws StackException {
        if (!uaccess.copyToUser(mm, at, bytes)) {
            throw new StackException("cannot write the initial stack at 0x" + Long.toHexString(at));
        }
    }
}
