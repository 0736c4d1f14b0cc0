package minikernel.kernel.arch;

import static minikernel.cpu.unicorn.UcConst.EAX;
import static minikernel.cpu.unicorn.UcConst.ECX;
import static minikernel.cpu.unicorn.UcConst.EDX;
import static minikernel.cpu.unicorn.UcConst.ESP;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import minikernel.cpu.Cpu;
import minikernel.cpu.Registers;
import minikernel.kernel.mm.UserAccess;
import minikernel.kernel.sched.Task;
import minikernel.kernel.signal.SigInfo;
import minikernel.kernel.signal.Signals;

/**
 * The i386 signal frames of arch/x86/kernel/signal_32.c, built on the user stack below the
 * interrupted stack pointer. A plain handler gets {@code struct sigframe} (return address, signal
 * number, {@code sigcontext}, an unused FPU area, the mask's high word, return code); an
 * SA_SIGINFO handler {@code struct rt_sigframe} (return address, signal number, pointers to the
 * {@code siginfo} and {@code ucontext} that follow, return code). The return address is the
 * sa_restorer (glibc's __restore and __restore_rt) or, without SA_RESTORER, the frame's own
 * return code, which calls sigreturn or rt_sigreturn.
 * Below the frame, 64-byte aligned, is the x87 and SSE state (struct _fpstate_32 in fxsave form),
 * which sigcontext's fpstate points to and sigreturn loads back: a handler may use floating
 * point without disturbing the code it interrupted.
 */
public final class SignalFrame {
    static final int SIGCONTEXT = 88;                     // struct sigcontext_32: 22 words
    static final int FPSTATE_UNUSED = 624;                // struct _fpstate_32, in sigframe's layout only
    static final int FPSTATE = 624;                       // the real one, below the frame
    static final int SIGFRAME = 4 + 4 + SIGCONTEXT + FPSTATE_UNUSED + 4 + 8;
    static final int UCONTEXT = 4 + 4 + 12 + SIGCONTEXT + 8;   // uc_flags, uc_link, uc_stack, uc_mcontext, uc_sigmask
    static final int RT_SIGFRAME = 4 + 4 + 4 + 4 + SigInfo.SIZE + UCONTEXT + 8;
    private static final int NR_SIGRETURN = 119, NR_RT_SIGRETURN = 173;
    static final int SS_ONSTACK = 1, SS_DISABLE = 2, SS_AUTODISARM = 1 << 31;
    /** FIX_EFLAGS: the flags sigreturn lets the handler's frame change. */
    private static final long FIX_EFLAGS = 0x40000 | 0x800 | 0x400 | 0x100 | 0x80 | 0x40 | 0x10 | 0x4 | 0x1 | 0x10000;

    private SignalFrame() {
    }

    /**
     * setup_frame() / setup_rt_frame(): writes the frame for {@code k} and points the registers at
     * the handler (EAX the signal, EDX and ECX the siginfo and ucontext for an rt frame). False if
     * the stack cannot take it.
     */
    static boolean setup(Task t, Cpu cpu, Signals.Ksignal k, long oldmask) {
        Registers r = cpu.registers();
        boolean rt = (k.action().flags() & Signals.SA_SIGINFO) != 0;
        int size = rt ? RT_SIGFRAME : SIGFRAME;
        long sp = r.esp();
        // sigsp(): SA_ONSTACK moves to the alternate stack unless already on it
        if ((k.action().flags() & Signals.SA_ONSTACK) != 0 && t.sasSsSize() != 0 && !t.onSigStack(sp)) {
            sp = t.sasSsSp() + t.sasSsSize();
        }
        // __save_altstack(): the stack as it was, in the ucontext; SS_AUTODISARM then drops it
        int ssFlags = t.sasSsSize() == 0 ? SS_DISABLE : t.sasSsFlags();
        long ssSp = t.sasSsSp(), ssSize = t.sasSsSize();
        if (rt && (t.sasSsFlags() & SS_AUTODISARM) != 0) {
            t.setAltStack(0, 0, 0);
        }
        // fpu__alloc_mathframe(): the FPU and SSE state goes first, 64-byte aligned, below it the frame
        long fpstate = (sp - FPSTATE) & ~63L & 0xffffffffL;
        sp = (fpstate - size) & 0xffffffffL;
        sp = ((sp + 4) & -16L) - 4;           // align_sigframe(): as if called, (sp + 4) 16-aligned
        ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        int retcode = size - 8;
        boolean restorer = (k.action().flags() & Signals.SA_RESTORER) != 0;
        b.putInt((int) (restorer ? k.action().restorer() : sp + retcode));   // pretcode
        b.putInt(k.sig());
        if (rt) {
            long info = sp + 16, uc = info + SigInfo.SIZE;
            b.putInt((int) info).putInt((int) uc);
            b.put(k.info().toBytes());
            b.putInt(0).putInt(0);                            // uc_flags, uc_link
            b.putInt((int) ssSp).putInt(ssFlags).putInt((int) ssSize);   // uc_stack
            putSigcontext(b, r, k.info(), oldmask, fpstate);
            b.putInt((int) oldmask).putInt((int) (oldmask >>> 32));    // uc_sigmask
            // movl $__NR_rt_sigreturn, %eax; int $0x80
            b.put((byte) 0xb8).putInt(NR_RT_SIGRETURN).put((byte) 0xcd).put((byte) 0x80).put((byte) 0);
        } else {
            putSigcontext(b, r, k.info(), oldmask, fpstate);
            b.position(b.position() + FPSTATE_UNUSED);
            b.putInt((int) (oldmask >>> 32));                 // extramask
            // popl %eax; movl $__NR_sigreturn, %eax; int $0x80
            b.put((byte) 0x58).put((byte) 0xb8).putInt(NR_SIGRETURN).put((byte) 0xcd).put((byte) 0x80);
        }
        UserAccess ua = t.kernel().userAccess();
        if (!ua.copyToUser(t.mm(), fpstate, cpu.fpstate()) || !ua.copyToUser(t.mm(), sp, b.array())) {
            return false;
        }
        cpu.setReg(ESP, sp);
        cpu.setEip(k.action().handler());
        cpu.setReg(EAX, k.sig());
        cpu.setReg(EDX, rt ? sp + 16 : 0);
        cpu.setReg(ECX, rt ? sp + 16 + SigInfo.SIZE : 0);
        return true;
    }

    /** setup_sigcontext(): the interrupted registers; trapno and cr2 for a fault. */
    private static void putSigcontext(ByteBuffer b, Registers r, SigInfo info, long oldmask, long fpstate) {
        boolean pageFault = info.code() > 0 && info.code() < SigInfo.SI_KERNEL
                && (info.signo() == 11 || info.signo() == 7);
        b.putInt((int) r.gs()).putInt((int) r.fs()).putInt((int) r.es()).putInt((int) r.ds());
        b.putInt((int) r.edi()).putInt((int) r.esi()).putInt((int) r.ebp()).putInt((int) r.esp());
        b.putInt((int) r.ebx()).putInt((int) r.edx()).putInt((int) r.ecx()).putInt((int) r.eax());
        b.putInt(pageFault ? 14 : 0).putInt(0);               // trapno, err
        b.putInt((int) r.eip()).putInt((int) r.cs()).putInt((int) r.eflags());
        b.putInt((int) r.esp()).putInt((int) r.ss());          // esp_at_signal, ss
        b.putInt((int) fpstate);                               // where the FPU and SSE state is
        b.putInt((int) oldmask);
        b.putInt(pageFault ? (int) info.addr() : 0);           // cr2
    }

    /**
     * What a frame gives back: the registers {eax, ebx, ecx, edx, esi, edi, ebp, esp, eip, eflags,
     * fs, gs}, the blocked mask, and the FPU and SSE state (null if the frame has none).
     */
    record Saved(long[] registers, long blocked, byte[] fpstate) {
    }

    /**
     * sigreturn (rt false: the frame's sigcontext is 8 bytes above ESP, the handler having popped
     * the return address and __restore the signal number) or rt_sigreturn (the ucontext, 4 above):
     * what to put back, or null if the frame cannot be read.
     */
    static Saved restore(Task t, long esp, long eflagsNow, boolean rt) {
        UserAccess ua = t.kernel().userAccess();
        long frame = rt ? esp - 4 : esp - 8;
        long sc = rt ? frame + 16 + SigInfo.SIZE + 20 : frame + 8;
        byte[] raw = new byte[SIGCONTEXT];
        byte[] m = new byte[8];
        long maskAt = rt ? frame + 16 + SigInfo.SIZE + 20 + SIGCONTEXT : frame + 8 + SIGCONTEXT + FPSTATE_UNUSED;
        if (!ua.copyFromUser(t.mm(), sc, raw, 0, raw.length)
                || !ua.copyFromUser(t.mm(), maskAt, m, 0, rt ? 8 : 4)) {
            return null;
        }
        ByteBuffer s = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer mb = ByteBuffer.wrap(m).order(ByteOrder.LITTLE_ENDIAN);
        long low = rt ? mb.getInt(0) & 0xffffffffL : s.getInt(80) & 0xffffffffL;   // uc_sigmask, or sc.oldmask
        long high = (rt ? mb.getInt(4) : mb.getInt(0)) & 0xffffffffL;                // or extramask
        long blocked = low | high << 32;
        long eflags = eflagsNow & ~FIX_EFLAGS | (s.getInt(64) & 0xffffffffL) & FIX_EFLAGS;
        long fpAt = s.getInt(76) & 0xffffffffL;
        byte[] fpstate = fpAt == 0 ? null : new byte[FPSTATE];
        if (fpstate != null && !ua.copyFromUser(t.mm(), fpAt, fpstate, 0, FPSTATE)) {
            return null;
        }
        return new Saved(new long[]{u(s, 44), u(s, 32), u(s, 40), u(s, 36), u(s, 20), u(s, 16), u(s, 24),
            u(s, 28), u(s, 56), eflags, u(s, 4) & 0xffff, u(s, 0) & 0xffff}, blocked, fpstate);
    }

    private static long u(ByteBuffer b, int offset) {
        return b.getInt(offset) & 0xffffffffL;
    }
}
