package minikernel.kernel.syscall;

import static minikernel.kernel.syscall.ArgFormat.ARGV;
import static minikernel.kernel.syscall.ArgFormat.AT_FLAGS;
import static minikernel.kernel.syscall.ArgFormat.BUF_IN;
import static minikernel.kernel.syscall.ArgFormat.BUF_OUT;
import static minikernel.kernel.syscall.ArgFormat.CLOCK;
import static minikernel.kernel.syscall.ArgFormat.CLONE_FLAGS;
import static minikernel.kernel.syscall.ArgFormat.ENVP;
import static minikernel.kernel.syscall.ArgFormat.FD;
import static minikernel.kernel.syscall.ArgFormat.FUTEX_OP;
import static minikernel.kernel.syscall.ArgFormat.HEX;
import static minikernel.kernel.syscall.ArgFormat.INT;
import static minikernel.kernel.syscall.ArgFormat.IOCTL_REQUEST;
import static minikernel.kernel.syscall.ArgFormat.IOVEC_IN;
import static minikernel.kernel.syscall.ArgFormat.MAP_FLAGS;
import static minikernel.kernel.syscall.ArgFormat.OCTAL;
import static minikernel.kernel.syscall.ArgFormat.OPEN_FLAGS;
import static minikernel.kernel.syscall.ArgFormat.PROT;
import static minikernel.kernel.syscall.ArgFormat.PTR;
import static minikernel.kernel.syscall.ArgFormat.RLIMIT;
import static minikernel.kernel.syscall.ArgFormat.SIGMASK_HOW;
import static minikernel.kernel.syscall.ArgFormat.STRING;
import static minikernel.kernel.syscall.ArgFormat.TIMESPEC_IN;
import static minikernel.kernel.syscall.ArgFormat.UINT;
import static minikernel.kernel.syscall.ArgFormat.WAIT_OPTIONS;

import minikernel.kernel.arch.Tls;
import minikernel.kernel.exec.Exec;
import minikernel.kernel.fork.Fork;
import minikernel.kernel.fork.Unshare;
import minikernel.kernel.fs.Cwd;
import minikernel.kernel.fs.Fcntl;
import minikernel.kernel.fs.Ioctl;
import minikernel.kernel.futex.FutexSyscalls;
import minikernel.kernel.futex.RobustList;
import minikernel.kernel.ipc.IpcSyscalls;
import minikernel.kernel.fs.Attr;
import minikernel.kernel.fs.NameOps;
import minikernel.kernel.fs.Open;
import minikernel.kernel.fs.Select;
import minikernel.kernel.fs.ReadWrite;
import minikernel.kernel.fs.Stat;
import minikernel.kernel.mm.Mmap;
import minikernel.kernel.sched.Exit;
import minikernel.kernel.sched.Task;
import minikernel.kernel.sched.Wait;
import minikernel.kernel.signal.Kill;
import minikernel.kernel.signal.SignalSyscalls;
import minikernel.kernel.sys.ProcessGroups;
import minikernel.kernel.sys.Sys;
import minikernel.kernel.time.Time;

/**
 * The system call table: one row per implemented call, with its Linux i386 number
 * (arch/x86/entry/syscalls/syscall_32.tbl), its handler and how strace prints its arguments. The
 * same row drives dispatch, argument decoding and the trace; the row's name is the call's name.
 * Numbers without a row answer -ENOSYS ({@link SyscallNames} still names them in the trace).
 */
public enum Syscall {
    EXIT(1, (SyscallFunction.Of1) Exit::sysExit, INT),
    FORK(2, Fork::fork),
    READ(3, ReadWrite::read, FD, BUF_OUT, UINT),
    WRITE(4, ReadWrite::write, FD, BUF_IN, UINT),
    OPEN(5, Open::open, STRING, OPEN_FLAGS, OCTAL),
    CLOSE(6, Open::close, FD),
    WAITPID(7, Wait::waitpid, INT, PTR, WAIT_OPTIONS),
    CREAT(8, Open::creat, STRING, OCTAL),
    LINK(9, NameOps::link, STRING, STRING),
    UNLINK(10, NameOps::unlink, STRING),
    EXECVE(11, Exec::sysExecve, STRING, ARGV, ENVP),
    CHDIR(12, Cwd::chdir, STRING),
    TIME(13, Time::time, PTR),
    MKNOD(14, NameOps::mknod, STRING, OCTAL, HEX),
    CHMOD(15, Attr::chmod, STRING, OCTAL),
    LCHOWN(16, (SyscallFunction.Of3) Syscall::lchown16, STRING, INT, INT),
    LSEEK(19, ReadWrite::lseek, FD, INT, INT),
    GETPID(20, Sys::getpid),
    GETUID(24, Sys::getuid16),
    ALARM(27, minikernel.kernel.time.ITimer::alarm, UINT),
    PAUSE(29, SignalSyscalls::pause),
    ACCESS(33, Stat::access, STRING, INT),
    NICE(34, ProcessGroups::nice, INT),
    SYNC(36, ReadWrite::sync),
    KILL(37, Kill::kill, INT, ArgFormat.SIGNAL),
    RENAME(38, NameOps::rename, STRING, STRING),
    MKDIR(39, NameOps::mkdir, STRING, OCTAL),
    RMDIR(40, NameOps::rmdir, STRING),
    DUP(41, Fcntl::dup, FD),
    PIPE(42, Fcntl::pipe, PTR),
    TIMES(43, minikernel.kernel.sys.SysInfo::times, PTR),
    BRK(45, Mmap::brk, PTR),
    GETGID(47, Sys::getgid16),
    SIGNAL(48, SignalSyscalls::signal, ArgFormat.SIGNAL, PTR),
    GETEUID(49, Sys::getuid16),
    GETEGID(50, Sys::getgid16),
    IOCTL(54, Ioctl::ioctl, FD, IOCTL_REQUEST, PTR),
    FCNTL(55, Fcntl::fcntl64, FD, INT, HEX),
    SETPGID(57, ProcessGroups::setpgid, INT, INT),
    UMASK(60, Cwd::umask, OCTAL),
    CHROOT(61, Cwd::chroot, STRING),
    DUP2(63, Fcntl::dup2, FD, FD),
    GETPPID(64, Sys::getppid),
    GETPGRP(65, ProcessGroups::getpgrp),
    SETSID(66, ProcessGroups::setsid),
    SIGACTION(67, SignalSyscalls::sigaction, ArgFormat.SIGNAL, PTR, PTR),
    SIGSUSPEND(72, SignalSyscalls::sigsuspend, INT, INT, HEX),
    SIGPENDING(73, SignalSyscalls::sigpending, PTR),
    SETHOSTNAME(74, Sys::sethostname, STRING, UINT),
    SETRLIMIT(75, Sys::setrlimit, RLIMIT, PTR),
    GETRLIMIT(76, Sys::oldGetrlimit, RLIMIT, PTR),
    GETRUSAGE(77, Wait::getrusage, INT, PTR),
    GETTIMEOFDAY(78, Time::gettimeofday, PTR, PTR),
    SELECT(82, Select::oldSelect, PTR),
    SYMLINK(83, NameOps::symlink, STRING, STRING),
    READLINK(85, NameOps::readlink, STRING, BUF_OUT, UINT),
    MUNMAP(91, Mmap::munmap, PTR, UINT),
    TRUNCATE(92, Attr::truncate, STRING, INT),
    FTRUNCATE(93, Attr::ftruncate, FD, INT),
    FCHMOD(94, Attr::fchmod, FD, OCTAL),
    FCHOWN(95, (SyscallFunction.Of3) Syscall::fchown16, FD, INT, INT),
    GETPRIORITY(96, ProcessGroups::getpriority, INT, INT),
    SETPRIORITY(97, ProcessGroups::setpriority, INT, INT, INT),
    STATFS(99, minikernel.kernel.fs.Statfs::statfs, STRING, PTR),
    FSTATFS(100, minikernel.kernel.fs.Statfs::fstatfs, FD, PTR),
    SETITIMER(104, minikernel.kernel.time.ITimer::setitimer, INT, PTR, PTR),
    GETITIMER(105, minikernel.kernel.time.ITimer::getitimer, INT, PTR),
    WAIT4(114, Wait::wait4, INT, PTR, WAIT_OPTIONS, PTR),
    SYSINFO(116, minikernel.kernel.sys.SysInfo::sysinfo, PTR),
    IPC(117, IpcSyscalls::ipc, INT, INT, INT, INT, PTR, PTR),
    FSYNC(118, ReadWrite::fsync, FD),
    SIGRETURN(119, minikernel.kernel.arch.SignalDelivery::sigreturn),
    CLONE(120, Fork::clone, CLONE_FLAGS, PTR, PTR, PTR, PTR),
    SETDOMAINNAME(121, Sys::setdomainname, STRING, UINT),
    UNAME(122, Sys::uname, PTR),
    MPROTECT(125, Mmap::mprotect, PTR, UINT, PROT),
    SIGPROCMASK(126, SignalSyscalls::sigprocmask, SIGMASK_HOW, PTR, PTR),
    GETPGID(132, ProcessGroups::getpgid, INT),
    FCHDIR(133, Cwd::fchdir, FD),
    _LLSEEK(140, ReadWrite::llseek, FD, INT, UINT, PTR, INT),
    _NEWSELECT(142, Select::newselect, INT, PTR, PTR, PTR, PTR),
    MSYNC(144, Mmap::msync, PTR, UINT, HEX),
    READV(145, ReadWrite::readv, FD, PTR, INT),
    WRITEV(146, ReadWrite::writev, FD, IOVEC_IN, INT),
    GETSID(147, ProcessGroups::getsid, INT),
    FDATASYNC(148, ReadWrite::fsync, FD),
    SCHED_YIELD(158, Sys::schedYield),
    NANOSLEEP(162, Time::nanosleep, TIMESPEC_IN, PTR),
    MREMAP(163, Mmap::mremap, PTR, UINT, UINT, HEX, PTR),
    POLL(168, Select::poll, PTR, UINT, INT),
    PRCTL(172, minikernel.kernel.sys.Prctl::prctl, INT, HEX, HEX, HEX, HEX),
    RT_SIGRETURN(173, minikernel.kernel.arch.SignalDelivery::rtSigreturn),
    RT_SIGACTION(174, SignalSyscalls::rtSigaction, ArgFormat.SIGNAL, PTR, PTR, UINT),
    RT_SIGPROCMASK(175, SignalSyscalls::rtSigprocmask, SIGMASK_HOW, PTR, PTR, UINT),
    RT_SIGPENDING(176, SignalSyscalls::rtSigpending, PTR, UINT),
    RT_SIGTIMEDWAIT(177, SignalSyscalls::rtSigtimedwait, PTR, PTR, PTR, UINT),
    RT_SIGQUEUEINFO(178, SignalSyscalls::rtSigqueueinfo, INT, ArgFormat.SIGNAL, PTR),
    RT_SIGSUSPEND(179, SignalSyscalls::rtSigsuspend, PTR, UINT),
    PREAD64(180, ReadWrite::pread64, FD, BUF_OUT, UINT, INT, INT),
    PWRITE64(181, ReadWrite::pwrite64, FD, BUF_IN, UINT, INT, INT),
    CHOWN(182, (SyscallFunction.Of3) Syscall::chown16, STRING, INT, INT),
    GETCWD(183, Cwd::getcwd, PTR, UINT),
    SIGALTSTACK(186, SignalSyscalls::sigaltstack, PTR, PTR),
    SENDFILE(187, ReadWrite::sendfile, FD, FD, PTR, UINT),
    VFORK(190, Fork::vfork),
    UGETRLIMIT(191, Sys::ugetrlimit, RLIMIT, PTR),
    MMAP2(192, Mmap::mmap2, PTR, UINT, PROT, MAP_FLAGS, FD, HEX),
    TRUNCATE64(193, Attr::truncate64, STRING, UINT, INT),
    FTRUNCATE64(194, Attr::ftruncate64, FD, UINT, INT),
    STAT64(195, Stat::stat64, STRING, PTR),
    LSTAT64(196, Stat::lstat64, STRING, PTR),
    FSTAT64(197, Stat::fstat64, FD, PTR),
    LCHOWN32(198, Attr::lchown, STRING, INT, INT),
    GETUID32(199, Sys::getuid),
    GETGID32(200, Sys::getgid),
    GETEUID32(201, Sys::getuid),
    GETEGID32(202, Sys::getgid),
    GETGROUPS32(205, Sys::getgroups, INT, PTR),
    FCHOWN32(207, Attr::fchown, FD, INT, INT),
    GETRESUID32(209, Sys::getresuid, PTR, PTR, PTR),
    GETRESGID32(211, Sys::getresgid, PTR, PTR, PTR),
    CHOWN32(212, Attr::chown, STRING, INT, INT),
    MADVISE(219, Mmap::madvise, PTR, UINT, INT),
    GETDENTS64(220, ReadWrite::getdents64, FD, PTR, UINT),
    FCNTL64(221, Fcntl::fcntl64, FD, INT, HEX),
    GETTID(224, Sys::gettid),
    TKILL(238, Kill::tkill, INT, ArgFormat.SIGNAL),
    SENDFILE64(239, ReadWrite::sendfile64, FD, FD, PTR, UINT),
    FUTEX(240, FutexSyscalls::futex, PTR, FUTEX_OP, INT, PTR, PTR, HEX),
    SCHED_SETAFFINITY(241, ProcessGroups::schedSetaffinity, INT, UINT, PTR),
    SCHED_GETAFFINITY(242, ProcessGroups::schedGetaffinity, INT, UINT, PTR),
    SET_THREAD_AREA(243, Tls::setThreadArea, PTR),
    GET_THREAD_AREA(244, Tls::getThreadArea, PTR),
    EXIT_GROUP(252, (SyscallFunction.Of1) Exit::sysExitGroup, INT),
    SET_TID_ADDRESS(258, Sys::setTidAddress, PTR),
    CLOCK_GETTIME(265, Time::clockGettime, CLOCK, PTR),
    CLOCK_GETRES(266, Time::clockGetres, CLOCK, PTR),
    CLOCK_NANOSLEEP(267, Time::clockNanosleep, CLOCK, INT, TIMESPEC_IN, PTR),
    STATFS64(268, minikernel.kernel.fs.Statfs::statfs64, STRING, UINT, PTR),
    FSTATFS64(269, minikernel.kernel.fs.Statfs::fstatfs64, FD, UINT, PTR),
    TGKILL(270, Kill::tgkill, INT, INT, ArgFormat.SIGNAL),
    OPENAT(295, Open::openat, FD, STRING, OPEN_FLAGS, OCTAL),
    MKDIRAT(296, NameOps::mkdirat, FD, STRING, OCTAL),
    MKNODAT(297, NameOps::mknodat, FD, STRING, OCTAL, HEX),
    FCHOWNAT(298, Attr::fchownat, FD, STRING, INT, INT, AT_FLAGS),
    FSTATAT64(300, Stat::fstatat64, FD, STRING, PTR, AT_FLAGS),
    UNLINKAT(301, NameOps::unlinkat, FD, STRING, AT_FLAGS),
    RENAMEAT(302, NameOps::renameat, FD, STRING, FD, STRING),
    LINKAT(303, NameOps::linkat, FD, STRING, FD, STRING, AT_FLAGS),
    SYMLINKAT(304, NameOps::symlinkat, STRING, FD, STRING),
    READLINKAT(305, NameOps::readlinkat, FD, STRING, BUF_OUT, UINT),
    FCHMODAT(306, Attr::fchmodat, FD, STRING, OCTAL),
    FACCESSAT(307, Stat::faccessat, FD, STRING, INT),
    PSELECT6(308, Select::pselect6, INT, PTR, PTR, PTR, PTR, PTR),
    PPOLL(309, Select::ppoll, PTR, UINT, PTR, PTR, UINT),
    UNSHARE(310, Unshare::unshare, CLONE_FLAGS),
    SET_ROBUST_LIST(311, RobustList::setRobustList, PTR, UINT),
    GET_ROBUST_LIST(312, RobustList::getRobustList, INT, PTR, PTR),
    UTIMENSAT(320, Attr::utimensat, FD, STRING, PTR, AT_FLAGS),
    DUP3(330, Fcntl::dup3, FD, FD, OPEN_FLAGS),
    PIPE2(331, Fcntl::pipe2, PTR, OPEN_FLAGS),
    PREADV(333, ReadWrite::preadv, FD, PTR, INT, INT, INT),
    PWRITEV(334, ReadWrite::pwritev, FD, PTR, INT, INT, INT),
    PRLIMIT64(340, Sys::prlimit64, INT, RLIMIT, PTR, PTR),
    SYNCFS(344, ReadWrite::fsync, FD),
    KCMP(349, minikernel.kernel.sys.Kcmp::kcmp, INT, INT, INT, INT, INT),
    RENAMEAT2(353, NameOps::renameat2, FD, STRING, FD, STRING, HEX),
    GETRANDOM(355, Sys::getrandom, BUF_OUT, UINT, HEX),
    STATX(383, Stat::statx, FD, STRING, AT_FLAGS, HEX, PTR),
    SEMGET(393, IpcSyscalls::semget, INT, INT, OCTAL),
    SEMCTL(394, IpcSyscalls::semctl, INT, INT, INT, HEX),
    CLOCK_GETTIME64(403, Time::clockGettime64, CLOCK, PTR),
    CLOCK_GETRES_TIME64(406, Time::clockGetresTime64, CLOCK, PTR),
    CLOCK_NANOSLEEP_TIME64(407, Time::clockNanosleepTime64, CLOCK, INT, PTR, PTR),
    UTIMENSAT_TIME64(412, Attr::utimensatTime64, FD, STRING, PTR, AT_FLAGS),
    PSELECT6_TIME64(413, Select::pselect6Time64, INT, PTR, PTR, PTR, PTR, PTR),
    PPOLL_TIME64(414, Select::ppollTime64, PTR, UINT, PTR, PTR, UINT),
    SEMTIMEDOP_TIME64(420, IpcSyscalls::semtimedopTime64, INT, PTR, UINT, PTR),
    FUTEX_TIME64(422, FutexSyscalls::futexTime64, PTR, FUTEX_OP, INT, PTR, PTR, HEX),
    CLONE3(435, Fork::clone3, PTR, UINT),
    FACCESSAT2(439, Stat::faccessat2, FD, STRING, INT, AT_FLAGS);

    /** What a handler returns when the task did not return from the call (exit): EAX is left alone. */
    public static final long NO_RETURN = minikernel.cpu.Cpu.NO_RESULT;

    private static final Syscall[] BY_NUMBER = new Syscall[512];

    static {
        for (Syscall s : values()) {
            BY_NUMBER[s.number] = s;
        }
    }

    private final int number;
    private final SyscallFunction function;
    private final int argc;
    private final ArgFormat[] formats;
    private final String traceName;

    Syscall(int number, SyscallFunction.Of0 f, ArgFormat... formats) {
        this(number, f, 0, formats);
    }

    Syscall(int number, SyscallFunction.Of1 f, ArgFormat... formats) {
        this(number, f, 1, formats);
    }

    Syscall(int number, SyscallFunction.Of2 f, ArgFormat... formats) {
        this(number, f, 2, formats);
    }

    Syscall(int number, SyscallFunction.Of3 f, ArgFormat... formats) {
        this(number, f, 3, formats);
    }

    Syscall(int number, SyscallFunction.Of4 f, ArgFormat... formats) {
        this(number, f, 4, formats);
    }

    Syscall(int number, SyscallFunction.Of5 f, ArgFormat... formats) {
        this(number, f, 5, formats);
    }

    Syscall(int number, SyscallFunction.Of6 f, ArgFormat... formats) {
        this(number, f, 6, formats);
    }

    Syscall(int number, SyscallFunction function, int argc, ArgFormat[] formats) {
        if (formats.length != argc) {
            throw new IllegalStateException("syscall " + number + ": " + argc + " arguments, " + formats.length + " formats");
        }
        this.number = number;
        this.function = function;
        this.argc = argc;
        this.formats = formats;
        this.traceName = name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The row of the call strace names {@code name} ("clone", "exit_group"), if minikernel implements it. */
    public static java.util.Optional<Syscall> byName(String name) {
        for (Syscall s : values()) {
            if (s.traceName.equals(name)) {
                return java.util.Optional.of(s);
            }
        }
        return java.util.Optional.empty();
    }

    /** The row for an i386 system call number, or null if minikernel does not implement it. */
    public static Syscall byNumber(long number) {
        return number >= 0 && number < BY_NUMBER.length ? BY_NUMBER[(int) number] : null;
    }

    public int number() {
        return number;
    }

    /** How many argument registers the handler takes. */
    public int argc() {
        return argc;
    }

    ArgFormat[] formats() {
        return formats;
    }

    /** The name strace prints: the Linux name. */
    public String traceName() {
        return traceName;
    }

    /** Calls whose result is an address print it in hex. */
    boolean hexResult() {
        return this == BRK || this == MMAP2 || this == MREMAP;
    }

    /** The 16-bit chown calls: uid_t and gid_t of 16 bits, 0xffff meaning -1 (low2highuid). */
    private static long chown16(Task current, long path, long user, long group) {
        return Attr.chown(current, path, high(user), high(group));
    }

    private static long lchown16(Task current, long path, long user, long group) {
        return Attr.lchown(current, path, high(user), high(group));
    }

    private static long fchown16(Task current, long fd, long user, long group) {
        return Attr.fchown(current, fd, high(user), high(group));
    }

    private static long high(long id16) {
        return (id16 & 0xffff) == 0xffff ? -1 : id16 & 0xffff;
    }

    /** Runs the handler with the first {@link #argc()} entries of {@code a}. */
    public long invoke(Task current, long[] a) {
        try {
            return function.invoke(current, a);
        } catch (minikernel.kernel.fs.VfsError e) {
            return e.negative();      // an ERR_PTR from deep in the VFS, returned as -errno
        }
    }
}
