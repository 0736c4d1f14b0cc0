package minikernel.tests;

import java.util.List;
import java.util.stream.Stream;

/** The table of guest programs the end-to-end tests run, each in both builds (see tests/guest/*.c). */
final class GuestCases {

    /** Text for read_stdin: short and long lines, an empty line, no newline at the end. */
    static final String SHORT_TEXT =
            "line one\nsecond line is longer than thirty-one characters, surely\n\nlast without newline";

    /** About 20 KB of lines of varying length: more than one stdio buffer and many 7-byte reads. */
    static final String LONG_TEXT = longText();

    private GuestCases() {}

    static Stream<GuestCase> all() {
        return rows().stream().flatMap(GuestCase::inEachBuild);
    }

    private static List<GuestCase> rows() {
        return List.of(
                GuestCase.of("hello"),
                GuestCase.of("args_env", "one", "two words", "", "--not-an-option"),
                GuestCase.of("exit_status", "0").named("exit_status_0"),
                GuestCase.of("exit_status", "1").named("exit_status_1").exits(1),
                GuestCase.of("exit_status", "42").named("exit_status_42").exits(42),
                GuestCase.of("exit_status", "255").named("exit_status_255").exits(255),
                GuestCase.of("exit_status", "256").named("exit_status_256_wraps_to_0"),
                GuestCase.of("exit_status", "return", "7").named("exit_status_return_7").exits(7),
                GuestCase.of("exit_status", "atexit").named("exit_status_atexit"),
                GuestCase.of("exit_status", "exit-flushes").named("exit_status_exit_flushes"),
                GuestCase.of("exit_status", "_exit-discards").named("exit_status_exit_discards").exits(3),
                GuestCase.of("exit_status", "abort").named("exit_status_abort").exits(128 + 6),
                GuestCase.of("printf_formats"),
                GuestCase.of("malloc_stress"),
                GuestCase.of("brk_sbrk"),
                // qemu 7.2's mprotect does not check that the range is mapped.
                GuestCase.of("mmap_anon").qemuDiffersOn("mprotect-unmapped:"),
                // qemu 7.2 checks nanosleep's NULL request as EINVAL, Linux as EFAULT.
                GuestCase.of("syscall_errors").qemuDiffersOn("nanosleep-null:"),
                GuestCase.of("segv_null").exits(139),
                GuestCase.of("segv_write_ro").exits(139),
                GuestCase.of("segv_write_ro", "literal").named("segv_write_ro_literal").exits(139),
                GuestCase.of("segv_jump").exits(139),
                GuestCase.of("ill_ud2").exits(132),
                GuestCase.of("fpe_div0").exits(136),
                GuestCase.of("fpe_div0", "overflow").named("fpe_div0_overflow").exits(136),
                GuestCase.of("stack_overflow").exits(139),
                GuestCase.of("stack_growth"),
                // qemu-i386 numbers its GDT TLS slots from 6, Linux from 12.
                GuestCase.of("tls_gs").qemuDiffersOn("entry:"),
                GuestCase.of("time_virtual"),
                GuestCase.of("read_stdin").input(SHORT_TEXT),
                GuestCase.of("read_stdin").named("read_stdin_empty"),
                GuestCase.of("read_stdin").named("read_stdin_long").input(LONG_TEXT),
                GuestCase.of("read_stdin", "fgets").named("read_stdin_fgets").input(SHORT_TEXT),
                GuestCase.of("read_stdin", "fgets").named("read_stdin_fgets_long").input(LONG_TEXT),
                GuestCase.of("identity"),
                GuestCase.of("sys_info"),
                GuestCase.of("statfs_check").qemuDiffersOn("bad-size-einval:"),
                GuestCase.of("cpu_abuse"),
                GuestCase.of("uname_check"),
                // Processes: fork and copy-on-write, exit and wait, exec, pipes and descriptors,
                // and the per-process state fork copies (cwd, umask, groups, limits, nice).
                GuestCase.of("cow_isolation"),
                GuestCase.of("exit_statuses"),
                GuestCase.of("wait_variants"),
                GuestCase.of("many_children"),
                GuestCase.of("process_tree"),
                GuestCase.of("orphan_reparent"),
                // qemu-i386 runs vfork as fork: the child gets a copy of the memory, and the parent
                // does not wait for it.
                GuestCase.of("vfork_exit").qemuDiffersOn("parent resumed only", "stack variable the child wrote:",
                        "global the child wrote:", "vfork returned the child's pid:", "the child is a new process",
                        "ten vforks,"),
                GuestCase.of("vfork_exec").qemuDiffersOn("the child's write before execve",
                        "vfork + execve of a missing file:"),
                GuestCase.of("exec_keeps"),
                GuestCase.of("brk_malloc_fork"),
                GuestCase.of("mmap_shared_private"),
                GuestCase.of("pipes"),
                GuestCase.of("dup_fcntl"),
                GuestCase.of("cwd_umask"),
                GuestCase.of("pgrp_session"),
                // qemu-i386 does not apply RLIMIT_AS to the guest's mappings.
                GuestCase.of("rlimits").qemuDiffersOn("mmap of 256 MiB:"),
                GuestCase.of("nice_share"),
                GuestCase.of("fork_bomb"),
                GuestCase.of("sleep_yield"),
                // Threads: pthread programs (the ours build waits for the userland's <pthread.h>: until
                // then tests/guest/Makefile skips it and so do the tests), then the kernel's side alone
                // through raw clone, futex, set_robust_list and ipc calls, which build both ways.
                GuestCase.of("threads_shared"),
                GuestCase.of("mutex_counter"),
                GuestCase.of("tls_errno"),
                GuestCase.of("thread_ids"),
                GuestCase.of("thread_exit"),
                GuestCase.of("thread_exit", "join-main").named("thread_exit_join_main"),
                GuestCase.of("thread_exit", "exit-from-thread").named("thread_exit_exit_from_thread").exits(3),
                GuestCase.of("detached"),
                GuestCase.of("condvar_pc"),
                GuestCase.of("fork_in_thread"),
                GuestCase.of("exec_from_thread"),
                GuestCase.of("robust_mutex").qemuCannotRun("qemu-i386 7.2 has no robust futex lists"
                        + " (set_robust_list is ENOSYS), so the next locker of a dead owner's mutex sleeps forever"),
                GuestCase.of("futex_raw"),
                GuestCase.of("futex_requeue"),
                GuestCase.of("futex_wake_op"),
                GuestCase.of("robust_list_raw").qemuCannotRun("qemu-i386 7.2 has no robust futex lists"
                        + " (set_robust_list is ENOSYS)"),
                // qemu-i386 7.2 crashes itself (SIGSEGV, nothing printed) in about 1 run in 20 of this
                // program. When it runs, it keeps one GDT for all its threads (a CLONE_SETTLS entry is
                // everybody's) and checks no entry number, has no clone3 (ENOSYS), runs a CLONE_VM clone
                // that is not a thread as fork, and its CLONE_CHILD_SETTID without CLONE_VM sometimes
                // writes the tid into the parent's copy too: too little left to compare.
                GuestCase.of("clone_raw").qemuCannotRun("qemu-i386 7.2 crashes in about 1 run in 20 of its raw"
                        + " clones, and differs on most of the rest"),
                // qemu-i386 refuses CLONE_VM without CLONE_THREAD and friends (EINVAL) unless with CLONE_VFORK,
                // which it runs as fork, and runs other clones that are not threads as fork (CLONE_FILES too).
                GuestCase.of("clone_sharing").qemuDiffersOn("CLONE_VM", "CLONE_FILES alone", "FAIL: clone"),
                // The same CLONE_VM refusal; and qemu-i386 strips IPC_64 from the direct semctl's command.
                GuestCase.of("sysv_sem_undo").qemuDiffersOn("CLONE_VM without CLONE_SYSVSEM", "CLONE_VM|CLONE_SYSVSEM",
                        "semctl GETVAL | IPC_64"),
                // qemu-i386 refuses clone(CLONE_NEWUTS) (unshare passes through). Run as another user than
                // root, the program prints only that it skipped.
                GuestCase.of("uts_namespace").qemuDiffersOn("clone(CLONE_NEWUTS)"),
                // Files: the VFS, the descriptor table and fs_struct, pipes, /proc (issue 5). Each run
                // starts in an empty directory of its own (Guest.WorkDir.TEMPORARY, every row's default),
                // where the programs make their files.
                GuestCase.of("file_offsets"),
                GuestCase.of("lseek_rw"),
                GuestCase.of("pipe_more"),
                GuestCase.of("fd_table"),
                GuestCase.of("open_paths"),
                GuestCase.of("dir_ops"),
                GuestCase.of("symlinks"),
                // qemu-i386 runs as a 64-bit process, so ext4 hands it 64-bit directory offsets, which the
                // i386 readdir (32-bit d_off) refuses with EOVERFLOW: it lists nothing (fine on tmpfs).
                GuestCase.of("readdir_list").qemuDiffersOn("listing has", "empty has", "listing/subdir has",
                        "a directory of 300 files", "after rewinddir", "after unlinking", "  every d_reclen",
                        "getdents64 with a 0-byte buffer"),
                GuestCase.of("stat_attrs"),
                GuestCase.of("cwd_dirs"),
                // Prints the checks for the user it runs as: root's overrides, or another user's EACCES.
                GuestCase.of("permissions"),
                // qemu-i386 says ENOSYS for an ioctl it does not know, Linux ENOTTY.
                GuestCase.of("dev_files").qemuDiffersOn("ioctl(0x1234)"),
                // qemu-i386 passes /proc/self/status and comm through from its own process (Name qemu-i386,
                // one thread more) and makes up /proc/self/stat.
                GuestCase.of("proc_self").qemuDiffersOn("/proc/self/comm", "alone: Name", "alone: Threads",
                        "/proc/self/stat", "with two more threads: Name", "with two more threads: Threads",
                        "a thread's status: Name", "after they exit: Name", "after they exit: Threads"),
                // qemu-i386 writes its own /proc/self/maps: other padding, the guest's mappings merged or
                // split differently, no [heap].
                GuestCase.of("proc_maps").qemuDiffersOn("every line has Linux's format", "the program's mappings",
                        "  their offsets", "after sbrk", "  one [heap] line", "an anonymous mmap",
                        "after mprotect"),
                GuestCase.of("mmap_file"),
                GuestCase.of("mmap_sigbus"),
                GuestCase.of("signal_handlers"),
                GuestCase.of("signal_interrupt"),
                GuestCase.of("signal_faults"),
                // qemu-i386 7.2 loses the interrupted code's x87 stack across a handler.
                GuestCase.of("signal_fpu").qemuDiffersOn("x87 ST0 kept"),
                GuestCase.of("signal_threads"),
                GuestCase.of("thread_cancel"),
                GuestCase.of("signal_timers"),
                // qemu-i386 7.2 passes SIGCHLD for stops and continues on even with SA_NOCLDSTOP.
                GuestCase.of("signal_stop").qemuDiffersOn("SA_NOCLDSTOP"),
                // qemu-i386's "core" file is the host's core of qemu itself (x86-64), beside its own.
                GuestCase.of("core_dump").qemuDiffersOn("  core file"),
                // qemu-i386 7.2 opens O_ACCMODE (3) as O_RDWR instead of failing with EINVAL: the FIFO then
                // keeps a reader and a writer it should not have, and the blocking read never ends.
                GuestCase.of("fifo").qemuCannotRun("qemu-i386 7.2 opens O_ACCMODE as O_RDWR, and the FIFO's"
                        + " reader then waits forever"),
                GuestCase.of("poll_select"),
                GuestCase.of("sendfile_copy"),
                // qemu-i386 refuses a clone with CLONE_FILES or CLONE_FS that is not a thread.
                GuestCase.of("clone_files_fs").qemuDiffersOn("clone(CLONE_FILES)", "clone(CLONE_FS)"),
                // (The same refusal: those children never exist under qemu-i386.)
                GuestCase.of("kcmp_sharing").qemuDiffersOn("clone(CLONE_FILES)", "clone(CLONE_VM | CLONE_FS)"));
    }

    private static String longText() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < 20_000; i++) {
            text.append("line ").append(i).append(": ").append("abcdefghijklmnopqrstuvwxyz".repeat(i % 5)).append('\n');
        }
        return text.toString();
    }
}
