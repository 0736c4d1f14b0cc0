package minikernel.kernel;

import java.io.PrintStream;

/**
 * The kernel's counters at one moment, gathered from the subsystems that keep them (the
 * scheduler's nr_switches, the CPU's TLB, the fault handler, fork's total_forks). They explain
 * where time goes: a switch between two processes changes CR3 and flushes the TLB, so the next
 * task refills it page by page; a switch between two threads of one mm keeps it.
 */
public record Stats(long contextSwitches, long threadSwitches, long tlbFlushes, long tlbFills, long pageFaults,
                    long copiedOnWrite, long processesCreated, long threadsCreated, long ptesCopied) {

    /** Switches that changed the address space (and so flushed the TLB). */
    public long processSwitches() {
        return contextSwitches - threadSwitches;
    }

    /** What {@code run --stats} prints, one counter per line. */
    public void print(PrintStream out) {
        out.printf("  context switches      %,12d%n", contextSwitches);
        out.printf("    same mm (threads)   %,12d   TLB kept%n", threadSwitches);
        out.printf("    new mm (processes)  %,12d   TLB flushed%n", processSwitches());
        out.printf("  TLB flushes           %,12d   (CR3 loads, and PTEs downgraded or removed)%n", tlbFlushes);
        out.printf("  TLB fills             %,12d   (page-table walks after a miss)%n", tlbFills);
        out.printf("  page faults           %,12d   (%,d copied on write)%n", pageFaults, copiedOnWrite);
        out.printf("  processes created     %,12d   (fork, vfork, clone without CLONE_THREAD)%n", processesCreated);
        out.printf("  threads created       %,12d   (clone with CLONE_THREAD)%n", threadsCreated);
        out.printf("  PTEs copied at fork   %,12d%n", ptesCopied);
    }
}
