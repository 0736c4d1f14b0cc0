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
import static minikernel.kernel.syscall.ArgFormat.SIGNAL;
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
import minikernel.kernel.fs.Open;
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
    CLOSE(6, Open::close, FD),
    WAITPID(7, Wait::waitpid, INT, PTR, WAIT_OPTIONS),
    EXECVE(11, Exec::sysExecve, STRING, ARGV, ENVP),
    CHDIR(12, Cwd::chdir, STRING),
    TIME(13, Time::time, PTR),
    GETPID(20, Sys::getpid),
    GETUID(24, Sys::getuid16),
    NICE(34, ProcessGroups::nice, INT),
    KILL(37, Kill::kill, INT, SIGNAL),
    DUP(41, Fcntl::dup, FD),
    PIPE(42, Fcntl::pipe, PTR),
    BRK(45, Mmap::brk, PTR),
    GETGID(47, Sys::getgid16),
    GETEUID(49, Sys::getuid16),
    GETEGID(50, Sys::getgid16),
    IOCTL(54, Ioctl::ioctl, FD, IOCTL_REQUEST, PTR),
    FCNTL(55, Fcntl::fcntl64, FD, INT, HEX),
    SETPGID(57, ProcessGroups::setpgid, INT, INT),
    UMASK(60, Cwd::umask, OCTAL),
    DUP2(63, Fcntl::dup2, FD, FD),
    GETPPID(64, Sys::getppid),
    GETPGRP(65, ProcessGroups::getpgrp),
    SETSID(66, ProcessGroups::setsid),
    SETHOSTNAME(74, Sys::sethostname, STRING, UINT),
    SETRLIMIT(75, Sys::setrlimit, RLIMIT, PTR),
    GETRLIMIT(76, Sys::oldGetrlimit, RLIMIT, PTR),
    GETRUSAGE(77, Wait::getrusage, INT, PTR),
    GETTIMEOFDAY(78, Time::gettimeofday, PTR, PTR),
    READLINK(85, Stat::readlink, STRING, BUF_OUT, UINT),
    MUNMAP(91, Mmap::munmap, PTR, UINT),
    GETPRIORITY(96, ProcessGroups::getpriority, INT, INT),
    SETPRIORITY(97, ProcessGroups::setpriority, INT, INT, INT),
    WAIT4(114, Wait::wait4, INT, PTR, WAIT_OPTIONS, PTR),
    IPC(117, IpcSyscalls::ipc, INT, INT, INT, INT, PTR, PTR),
    CLONE(120, Fork::clone, CLONE_FLAGS, PTR, PTR, PTR, PTR),
    SETDOMAINNAME(121, Sys::setdomainname, STRING, UINT),
    UNAME(122, Sys::uname, PTR),
    MPROTECT(125, Mmap::mprotect, PTR, UINT, PROT),
    GETPGID(132, ProcessGroups::getpgid, INT),
    READV(145, ReadWrite::readv, FD, PTR, INT),
    WRITEV(146, ReadWrite::writev, FD, IOVEC_IN, INT),
    GETSID(147, ProcessGroups::getsid, INT),
    SCHED_YIELD(158, Sys::schedYield),
    NANOSLEEP(162, Time::nanosleep, TIMESPEC_IN, PTR),
    MREMAP(163, Mmap::mremap, PTR, UINT, UINT, HEX, PTR),
    RT_SIGACTION(174, SignalSyscalls::rtSigaction, SIGNAL, PTR, PTR, UINT),
    RT_SIGPROCMASK(175, SignalSyscalls::rtSigprocmask, SIGMASK_HOW, PTR, PTR, UINT),
    GETCWD(183, Cwd::getcwd, PTR, UINT),
    VFORK(190, Fork::vfork),
    UGETRLIMIT(191, Sys::ugetrlimit, RLIMIT, PTR),
    MMAP2(192, Mmap::mmap2, PTR, UINT, PROT, MAP_FLAGS, FD, HEX),
    FSTAT64(197, Stat::fstat64, FD, PTR),
    GETUID32(199, Sys::getuid),
    GETGID32(200, Sys::getgid),
    GETEUID32(201, Sys::getuid),
    GETEGID32(202, Sys::getgid),
    MADVISE(219, Mmap::madvise, PTR, UINT, INT),
    FCNTL64(221, Fcntl::fcntl64, FD, INT, HEX),
    GETTID(224, Sys::gettid),
    SET_THREAD_AREA(243, Tls::setThreadArea, PTR),
    TKILL(238, Kill::tkill, INT, SIGNAL),
    FUTEX(240, FutexSyscalls::futex, PTR, FUTEX_OP, INT, PTR, PTR, HEX),
    SCHED_SETAFFINITY(241, ProcessGroups::schedSetaffinity, INT, UINT, PTR),
    SCHED_GETAFFINITY(242, ProcessGroups::schedGetaffinity, INT, UINT, PTR),
    GET_THREAD_AREA(244, Tls::getThreadArea, PTR),
    EXIT_GROUP(252, (SyscallFunction.Of1) Exit::sysExitGroup, INT),
    SET_TID_ADDRESS(258, Sys::setTidAddress, PTR),
    CLOCK_GETTIME(265, Time::clockGettime, CLOCK, PTR),
    CLOCK_GETRES(266, Time::clockGetres, CLOCK, PTR),
    CLOCK_NANOSLEEP(267, Time::clockNanosleep, CLOCK, INT, TIMESPEC_IN, PTR),
    TGKILL(270, Kill::tgkill, INT, INT, SIGNAL),
    FSTATAT64(300, Stat::fstatat64, FD, STRING, PTR, AT_FLAGS),
    UNSHARE(310, Unshare::unshare, CLONE_FLAGS),
    SET_ROBUST_LIST(311, RobustList::setRobustList, PTR, UINT),
    GET_ROBUST_LIST(312, RobustList::getRobustList, INT, PTR, PTR),
    DUP3(330, Fcntl::dup3, FD, FD, OPEN_FLAGS),
    PIPE2(331, Fcntl::pipe2, PTR, OPEN_FLAGS),
    PRLIMIT64(340, Sys::prlimit64, INT, RLIMIT, PTR, PTR),
    GETRANDOM(355, Sys::getrandom, BUF_OUT, UINT, HEX),
    STATX(383, Stat::statx, FD, STRING, AT_FLAGS, HEX, PTR),
    SEMGET(393, IpcSyscalls::semget, INT, INT, OCTAL),
    SEMCTL(394, IpcSyscalls::semctl, INT, INT, INT, HEX),
    CLOCK_GETTIME64(403, Time::clockGettime64, CLOCK, PTR),
    CLOCK_GETRES_TIME64(406, Time::clockGetresTime64, CLOCK, PTR),
    CLOCK_NANOSLEEP_TIME64(407, Time::clockNanosleepTime64, CLOCK, INT, PTR, PTR),
    SEMTIMEDOP_TIME64(420, IpcSyscalls::semtimedopTime64, INT, PTR, UINT, PTR),
    FUTEX_TIME64(422, FutexSyscalls::futexTime64, PTR, FUTEX_OP, INT, PTR, PTR, HEX),
    CLONE3(435, Fork::clone3, PTR, UINT);

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

    /** Runs the handler with the first {@link #argc()} entries of {@code a}. */
    public long invoke(Task current, long[] a) {
        return function.invoke(current, a);
    }
}
