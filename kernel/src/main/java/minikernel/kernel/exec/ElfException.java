package minikernel.kernel.exec;

/**
 * A file that {@link ElfFile#parse} refuses to run. The message is one line a user can read
 * ("not an i386 program: built for ARM"); execve turns it into -ENOEXEC (or -EINVAL for a
 * bad segment, as load_elf_binary() in fs/binfmt_elf.c does) and the tools print it as is.
 */
public final class ElfException extends Exception {
    public ElfException(String message) {
        super(message);
    }
}
