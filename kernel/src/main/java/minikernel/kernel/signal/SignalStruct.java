package minikernel.kernel.signal;

import minikernel.kernel.sched.WaitQueue;
import minikernel.kernel.sys.Rlimits;

/**
 * What a thread group shares: Linux's {@code struct signal_struct} (include/linux/sched/signal.h).
 * Threads created with CLONE_THREAD share one; fork makes a new one with copies of the limits. It
 * holds the signals sent to the whole group (shared_pending), the resource limits, the process
 * group and session, the queue a parent sleeps on in wait(),
 * and the CPU time and peak memory of reaped children (for getrusage(RUSAGE_CHILDREN) and wait4).
 */
public final class SignalStruct {
    private int count = 1;                          // tasks in the thread group
    private final Rlimits rlimits;                  // rlim[RLIM_NLIMITS]
    private final WaitQueue waitChldexit = new WaitQueue("wait4");   // wait_chldexit
    private int pgrp;                               // pids[PIDTYPE_PGID]
    private int session;                            // pids[PIDTYPE_SID]
    private long cutimeBlocks;                      // cutime, in translated blocks
    private long cmaxrssPages;                      // cmaxrss, in pages
    private long maxrssPages;                       // maxrss of this group's own mm so far
    private final SigPending sharedPending = new SigPending();   // shared_pending: kill's signals
    private boolean unkillable;                     // SIGNAL_UNKILLABLE: init's, set at boot
    private boolean stopped;                        // SIGNAL_STOP_STOPPED: the group is stopped
    private int stopReport;                         // the stop signal a wait4(WUNTRACED) has yet to report
    private boolean continuedReport;                // SIGNAL_STOP_CONTINUED: for wait4(WCONTINUED)
    private Object realTimer;                       // real_timer: ITIMER_REAL's scheduler timer, or null
    private long realTimerDeadline;                 // when it expires (monotonic nanoseconds)
    private long realTimerInterval;                 // it_real_incr: 0 for a one-shot timer

    public SignalStruct(Rlimits rlimits, int pgrp, int session) {
        this.rlimits = rlimits;
        this.pgrp = pgrp;
        this.session = session;
    }

    /** copy_signal() for fork: a new group with copies of the limits, in the same group and session. */
    public SignalStruct copyForFork() {
        return new SignalStruct(rlimits.copy(), pgrp, session);
    }

    public SignalStruct share() {
        count++;
        return this;
    }

    /** Drops a thread; true when it was the last of the group. */
    public boolean release() {
        if (count <= 0) {
            throw new IllegalStateException("signal_struct released twice");
        }
        return --count == 0;
    }

    public int count() {
        return count;
    }

    /** Signals sent to the whole group (kill), for whichever of its threads takes each first. */
    public SigPending sharedPending() {
        return sharedPending;
    }

    /** SIGNAL_UNKILLABLE: a signal with the default action is ignored (init). */
    public boolean unkillable() {
        return unkillable;
    }

    public void setUnkillable() {
        unkillable = true;
    }

    public boolean stopped() {
        return stopped;
    }

    /** The group stops (by {@code sig}) or continues (0): what wait4 will report to the parent. */
    public void setStopped(int sig) {
        stopped = sig != 0;
        stopReport = sig;
        continuedReport = sig == 0;
    }

    /** The stop signal not yet reported by wait4(WUNTRACED), now taken; 0 if none. */
    public int takeStopReport() {
        int sig = stopped ? stopReport : 0;
        stopReport = 0;
        return sig;
    }

    public boolean stopReportPending() {
        return stopped && stopReport != 0;
    }

    /** A continue not yet reported by wait4(WCONTINUED), now taken. */
    public boolean takeContinuedReport() {
        boolean r = continuedReport;
        continuedReport = false;
        return r;
    }

    public boolean continuedReportPending() {
        return continuedReport;
    }

    /** ITIMER_REAL (alarm, setitimer): the armed timer's handle, or null. */
    public Object realTimer() {
        return realTimer;
    }

    public long realTimerDeadline() {
        return realTimerDeadline;
    }

    public long realTimerInterval() {
        return realTimerInterval;
    }

    public void setRealTimer(Object timer, long deadline, long interval) {
        realTimer = timer;
        realTimerDeadline = deadline;
        realTimerInterval = interval;
    }

    public Rlimits rlimits() {
        return rlimits;
    }

    public WaitQueue waitChldexit() {
        return waitChldexit;
    }

    public int pgrp() {
        return pgrp;
    }

    public int session() {
        return session;
    }

    public void setPgrp(int pgrp) {
        this.pgrp = pgrp;
    }

    public void setSession(int session) {
        this.session = session;
    }

    public long cutimeBlocks() {
        return cutimeBlocks;
    }

    public long cmaxrssPages() {
        return cmaxrssPages;
    }

    /** A reaped child's time and peak memory join the parent's children totals (wait_task_zombie). */
    public void addChild(long blocks, long maxrss) {
        cutimeBlocks += blocks;
        cmaxrssPages = Math.max(cmaxrssPages, maxrss);
    }

    public long maxrssPages() {
        return maxrssPages;
    }

    /** The group's peak resident size so far (hiwater_rss, sampled when an mm is dropped). */
    public void noteRss(long pages) {
        maxrssPages = Math.max(maxrssPages, pages);
    }
}
