package minikernel.kernel.exec;

/**
 * A file that {@link ElfFile#parse} refuses to run. The message is one line a user can read
 * ("not an i386 program: built for ARM"), which the tools print as is. execve can report it
 * as -ENOEXEC, the error load_elf_binary() in fs/binfmt_elf.c gives for most of these (it
 * uses -EINVAL for a segment above TASK_SIZE and -EIO for a short read).
 */
public final class ElfException extends Exception {
    public ElfException(String message) {
        super(message);
    }
}
