package minikernel.kernel.sys;

import java.nio.charset.StandardCharsets;
import minikernel.kernel.mm.UserAccess;
import minikernel.kernel.sched.Task;
import minikernel.kernel.syscall.Errno;

/**
 * prctl(2), the options programs use (kernel/sys.c): a thread's name (busybox names each applet
 * it runs; ps and /proc show it), the signal a child gets when its parent dies, the dumpable flag,
 * and no_new_privs. Any other option is EINVAL, as Linux answers an option it does not know.
 */
public final class Prctl {
    public static final int PR_SET_PDEATHSIG = 1, PR_GET_PDEATHSIG = 2, PR_GET_DUMPABLE = 3, PR_SET_DUMPABLE = 4,
            PR_SET_NAME = 15, PR_GET_NAME = 16, PR_SET_NO_NEW_PRIVS = 38, PR_GET_NO_NEW_PRIVS = 39;
    /** TASK_COMM_LEN: 15 characters and the NUL. */
    private static final int TASK_COMM_LEN = 16;

    private Prctl() {
    }

    public static long prctl(Task current, long option, long arg2, long arg3, long arg4, long arg5) {
        UserAccess ua = current.kernel().userAccess();
        return switch ((int) option) {
            case PR_SET_PDEATHSIG -> {
                if (arg2 < 0 || arg2 > minikernel.kernel.signal.Signal.NSIG) {
                    yield Errno.EINVAL.negative();
                }
                current.setPdeathSignal((int) arg2);
                yield 0;
            }
            case PR_GET_PDEATHSIG -> ua.putUser32(current.mm(), arg2, current.pdeathSignal()) ? 0
                    : Errno.EFAULT.negative();
            case PR_GET_DUMPABLE -> current.mm() != null && current.mm().dumpable() ? 1 : 0;
            case PR_SET_DUMPABLE -> {
                if (arg2 != 0 && arg2 != 1) {
                    yield Errno.EINVAL.negative();
                }
                current.mm().setDumpable(arg2 == 1);
                yield 0;
            }
            case PR_SET_NAME -> setName(current, ua, arg2);
            case PR_GET_NAME -> {
                byte[] comm = new byte[TASK_COMM_LEN];
                byte[] name = current.comm().getBytes(StandardCharsets.UTF_8);
                System.arraycopy(name, 0, comm, 0, Math.min(name.length, TASK_COMM_LEN - 1));
                yield ua.copyToUser(current.mm(), arg2, comm) ? 0 : Errno.EFAULT.negative();
            }
            case PR_SET_NO_NEW_PRIVS -> {
                if (arg2 != 1 || arg3 != 0 || arg4 != 0 || arg5 != 0) {
                    yield Errno.EINVAL.negative();
                }
                current.setNoNewPrivs();
                yield 0;
            }
            case PR_GET_NO_NEW_PRIVS -> arg2 != 0 || arg3 != 0 || arg4 != 0 || arg5 != 0 ? Errno.EINVAL.negative()
                    : current.noNewPrivs() ? 1 : 0;
            default -> Errno.EINVAL.negative();
        };
    }

    /** PR_SET_NAME: at most 15 bytes of the string (a longer one is cut, as strncpy_from_user does). */
    private static long setName(Task current, UserAccess ua, long at) {
        return switch (ua.strncpyFromUser(current.mm(), at, TASK_COMM_LEN - 1)) {
            case UserAccess.UserString.Ok ok -> {
                current.setComm(ok.value());
                yield 0;
            }
            case UserAccess.UserString.TooLong tooLong -> {
                byte[] name = new byte[TASK_COMM_LEN - 1];
                ua.copyFromUser(current.mm(), at, name, 0, name.length);
                current.setComm(new String(name, StandardCharsets.UTF_8));
                yield 0;
            }
            case UserAccess.UserString.Fault fault -> Errno.EFAULT.negative();
        };
    }
}
