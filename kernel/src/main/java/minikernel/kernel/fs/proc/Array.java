package minikernel.kernel.fs.proc;

import minikernel.kernel.fs.Cred;
import minikernel.kernel.mm.MmStruct;
import minikernel.kernel.sched.Task;
import minikernel.kernel.sched.TaskState;
import minikernel.kernel.signal.SigHand;
import minikernel.kernel.signal.Signal;
import minikernel.kernel.sys.Rlimits;
import minikernel.kernel.time.Clock;

/** /proc/PID/status, stat and statm (fs/proc/array.c). */
final class Array {
    /** include/linux/sched.h PF_* flags that stat's flags field can show. */
    private static final int PF_EXITING = 0x4, PF_FORKNOEXEC = 0x40, PF_KTHREAD = 0x00200000;
    /** CAP_LAST_CAP of 6.1 is 40: a full capability set is 41 bits. */
    private static final long CAP_FULL_SET = (1L << 41) - 1;
    /** MAX_RT_PRIO: task_prio() reports prio less this. */
    private static final int MAX_RT_PRIO = 100;

    private Array() {
    }

    /**
     * proc_pid_status(): "Name:\t..." lines. The process part (task_state), the memory part
     * (task_mem, only while the task has an address space), signals, capabilities, seccomp,
     * allowed CPUs and context switches, with Linux's labels, tabs and widths.
     */
    static byte[] status(Task task, Task reader) {
        StringBuilder m = new StringBuilder();
        m.append("Name:\t").append(escapeComm(task.comm())).append('\n');
        taskState(m, task);
        MmStruct mm = task.mm();
        if (mm != null) {
            TaskMmu.taskMem(m, mm);
            m.append("CoreDumping:\t0\n");
            m.append("THP_enabled:\t0\n");
        }
        taskSig(m, task);
        taskCap(m, task);
        m.append("NoNewPrivs:\t0\nSeccomp:\t0\nSeccomp_filters:\t0\n");
        m.append("Speculation_Store_Bypass:\tnot vulnerable\n");
        m.append("SpeculationIndirectBranch:\tnot affected\n");
        m.append("Cpus_allowed:\t1\nCpus_allowed_list:\t0\n");
        m.append("Mems_allowed:\t1\nMems_allowed_list:\t0\n");
        m.append("voluntary_ctxt_switches:\t").append(task.nvcsw()).append('\n');
        m.append("nonvoluntary_ctxt_switches:\t").append(task.nivcsw()).append('\n');
        return Seq.bytes(m.toString());
    }

    /** task_state(): umask, state, the ids, FDSize, Groups and the NS* lines. */
    private static void taskState(StringBuilder m, Task p) {
        Cred cred = p.cred();
        if (p.fs() != null) {
            m.append(String.format("Umask:\t%04o\n", p.fs().umask()));
        }
        m.append("State:\t").append(p.state().procText());
        m.append("\nTgid:\t").append(p.tgid());
        m.append("\nNgid:\t0");
        m.append("\nPid:\t").append(p.pid());
        m.append("\nPPid:\t").append(ppid(p));
        m.append("\nTracerPid:\t0");
        m.append("\nUid:\t").append(ids(cred.uid()));
        m.append("\nGid:\t").append(ids(cred.gid()));
        m.append("\nFDSize:\t").append(fdSize(p));
        m.append("\nGroups:\t ");          // no supplementary groups; Linux's trailing space stays
        m.append("\nNStgid:\t").append(p.tgid());
        m.append("\nNSpid:\t").append(p.pid());
        m.append("\nNSpgid:\t").append(p.signal() == null ? 0 : p.pgrp());
        m.append("\nNSsid:\t").append(p.signal() == null ? 0 : p.session());
        m.append('\n');
    }

    /** Real, effective, saved and filesystem id: all one here (no setuid). */
    private static String ids(int id) {
        return id + "\t" + id + "\t" + id + "\t" + id;
    }

    /** The parent's process id (real_parent's tgid), 0 for a task with none. */
    private static int ppid(Task p) {
        return p.realParent() == null ? 0 : p.realParent().tgid();
    }

    /**
     * The fdtable's max_fds: 64 slots to start with (NR_OPEN_DEFAULT of a 64-bit kernel), and as
     * expand_files() grows it, the next power of two of 128 slots (a 1 KiB page of pointers)
     * that holds the highest open descriptor. 0 once the task has closed its files (a zombie).
     */
    private static int fdSize(Task p) {
        if (p.files() == null) {
            return 0;
        }
        int max = p.files().maxFd();
        if (max < 64) {
            return 64;
        }
        int nr = Integer.highestOneBit(max / 128) * 2;
        return Math.max(1, nr) * 128;
    }

    /** task_sig(): thread count, queued signals against RLIMIT_SIGPENDING, and the five masks. */
    private static void taskSig(StringBuilder m, Task p) {
        long ignored = 0, caught = 0;
        SigHand sighand = p.sighand();
        if (sighand != null) {
            for (int sig = 1; sig <= Signal.NSIG; sig++) {
                long handler = sighand.get(sig).handler();
                if (handler == SigHand.SigAction.SIG_IGN) {
                    ignored |= 1L << (sig - 1);
                } else if (handler != SigHand.SigAction.SIG_DFL) {
                    caught |= 1L << (sig - 1);
                }
            }
        }
        int threads = p.signal() == null ? 0 : p.signal().count();
        long qlim = p.signal() == null ? 0 : p.signal().rlimits().cur(Rlimits.RLIMIT_SIGPENDING);
        m.append("Threads:\t").append(threads);
        m.append("\nSigQ:\t0/").append(Seq.ulong(qlim));
        m.append(String.format("\nSigPnd:\t%016x\n", p.pending()));
        m.append(String.format("ShdPnd:\t%016x\n", p.signal().sharedPending().mask()));
        m.append(String.format("SigBlk:\t%016x\n", p.blocked()));
        m.append(String.format("SigIgn:\t%016x\n", ignored));
        m.append(String.format("SigCgt:\t%016x\n", caught));
    }

    /** task_cap(): root holds every capability; any other user none (no file capabilities). */
    private static void taskCap(StringBuilder m, Task p) {
        long held = p.cred().isRoot() ? CAP_FULL_SET : 0;
        m.append(String.format("CapInh:\t%016x\n", 0));
        m.append(String.format("CapPrm:\t%016x\n", held));
        m.append(String.format("CapEff:\t%016x\n", held));
        m.append(String.format("CapBnd:\t%016x\n", CAP_FULL_SET));
        m.append(String.format("CapAmb:\t%016x\n", 0));
    }

    /** proc_task_name() with escaping for status: a newline or backslash in the name is written as \n or \\. */
    private static String escapeComm(String comm) {
        return comm.replace("\\", "\\\\").replace("\n", "\\n");
    }

    /** proc_tgid_stat(): the process, its threads' times added up. */
    static byte[] tgidStat(Task task, Task reader) {
        return doTaskStat(task, true);
    }

    /** proc_tid_stat(): one thread. */
    static byte[] tidStat(Task task, Task reader) {
        return doTaskStat(task, false);
    }

    /**
     * do_task_stat(): the 52 space-separated fields of one line, as ps(1) parses them. What
     * minikernel does not count (page faults, system time, start time, the terminal) is 0, and
     * the saved registers are 0 as Linux shows them for a task that is not dumping core.
     */
    private static byte[] doTaskStat(Task task, boolean whole) {
        MmStruct mm = task.mm();
        String state = task.state().procText();
        boolean alive = task.signal() != null && task.sighand() != null;   // lock_task_sighand()
        int threads = alive ? task.signal().count() : 0;
        long sigign = 0, sigcatch = 0;
        if (task.sighand() != null) {
            for (int sig = 1; sig <= 31; sig++) {
                long handler = task.sighand().get(sig).handler();
                if (handler == SigHand.SigAction.SIG_IGN) {
                    sigign |= 1L << (sig - 1);
                } else if (handler != SigHand.SigAction.SIG_DFL) {
                    sigcatch |= 1L << (sig - 1);
                }
            }
        }
        long utimeBlocks = task.blocksRun();
        if (whole) {
            utimeBlocks = 0;
            for (Task t : task.kernel().scheduler().tasks()) {
                if (t.tgid() == task.tgid() && t.state() != TaskState.DEAD) {
                    utimeBlocks += t.blocksRun();
                }
            }
        }
        long cutime = alive ? Seq.clockT(Clock.cpuNanos(task.signal().cutimeBlocks())) : 0;
        long rsslim = alive ? task.signal().rlimits().cur(Rlimits.RLIMIT_RSS) : 0;
        boolean sleeping = task.state() != TaskState.RUNNING;
        int flags = (task.isKernelThread() ? PF_KTHREAD : 0) | (task.didExec() ? 0 : PF_FORKNOEXEC)
                | (task.isZombieOrDead() ? PF_EXITING : 0);

        StringBuilder m = new StringBuilder();
        m.append(task.pid()).append(" (").append(task.comm()).append(") ").append(state.charAt(0));
        field(m, alive ? ppid(task) : 0);
        field(m, alive ? task.pgrp() : -1);
        field(m, alive ? task.session() : -1);
        field(m, 0);                                   // tty_nr: no controlling terminal
        field(m, -1);                                  // tpgid
        field(m, flags);
        field(m, 0, 0, 0, 0);                          // min_flt cmin_flt maj_flt cmaj_flt
        field(m, Seq.clockT(Clock.cpuNanos(utimeBlocks)));  // utime
        field(m, 0);                                   // stime
        field(m, cutime);
        field(m, 0);                                   // cstime
        field(m, task.prio() - MAX_RT_PRIO);
        field(m, task.nice());
        field(m, threads);
        field(m, 0);                                   // itrealvalue
        field(m, 0);                                   // starttime
        field(m, mm == null ? 0 : mm.totalVm());
        field(m, mm == null ? 0 : TaskMmu.rss(mm).total());
        m.append(' ').append(Seq.ulong(rsslim));
        field(m, mm == null ? 0 : mm.startCode());
        field(m, mm == null ? 0 : mm.endCode());
        field(m, mm == null ? 0 : mm.startStack());
        field(m, 0, 0);                                // kstkesp kstkeip
        field(m, task.pending() & 0x7fffffffL);
        field(m, task.blocked() & 0x7fffffffL);
        field(m, sigign & 0x7fffffffL);
        field(m, sigcatch & 0x7fffffffL);
        field(m, sleeping && (!whole || threads < 2) ? 1 : 0);   // wchan: a 0/1 flag
        field(m, 0, 0);                                // nswap cnswap
        field(m, task.exitSignal());
        field(m, 0);                                   // processor
        field(m, task.rtPriority());
        field(m, 0);                                   // policy: SCHED_NORMAL
        field(m, 0, 0, 0);                             // delayacct_blkio_ticks guest_time cguest_time
        if (mm != null) {
            field(m, mm.startData(), mm.endData(), mm.startBrk(), mm.argStart(), mm.argEnd(), mm.envStart(),
                    mm.envEnd());
        } else {
            m.append(" 0 0 0 0 0 0 0");
        }
        field(m, task.exitCode());
        m.append('\n');
        return Seq.bytes(m.toString());
    }

    /** seq_put_decimal_ll(m, " ", v) for each value: more fields. */
    private static void field(StringBuilder m, long... values) {
        for (long v : values) {
            m.append(' ').append(v);
        }
    }

    /** proc_pid_statm(): "size resident shared text lib data dt" in pages, all 0 without an address space. */
    static byte[] statm(Task task, Task reader) {
        MmStruct mm = task.mm();
        if (mm == null) {
            return Seq.bytes("0 0 0 0 0 0 0\n");
        }
        long[] v = TaskMmu.statm(mm);
        StringBuilder m = new StringBuilder();
        for (int i = 0; i < v.length; i++) {
            m.append(i == 0 ? "" : " ").append(v[i]);
        }
        return Seq.bytes(m.append('\n').toString());
    }
}
