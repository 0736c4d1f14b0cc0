package minikernel.kernel.exec;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import minikernel.cpu.Registers;
import minikernel.kernel.fs.File;
import minikernel.kernel.fs.Open;
import minikernel.kernel.fs.VfsError;
import minikernel.kernel.mm.MmStruct;
import minikernel.kernel.mm.Vma;
import minikernel.kernel.mm.VmFlags;
import minikernel.kernel.sched.Task;
import minikernel.kernel.sys.Rlimits;

/**
 * do_coredump() with binfmt_elf's elf_core_dump(): a process killed by a signal whose default
 * action is "core" leaves an ELF core file named {@code core} in its working directory (Linux's
 * default core_pattern), if its RLIMIT_CORE allows: a PT_NOTE segment with the dying thread's
 * NT_PRSTATUS (signal and registers) and the process's NT_PRPSINFO, then one PT_LOAD segment
 * per memory area with its contents. {@code gdb PROGRAM core} reads it. The file stops at the
 * limit, as Linux's does; the wait status gets the core bit only when a file was written.
 */
public final class CoreDump {
    private static final int EHDR = 52, PHDR = 32, PT_LOAD = 1, PT_NOTE = 4, ET_CORE = 4, EM_386 = 3;
    private static final int NT_PRSTATUS = 1, NT_PRPSINFO = 3, PRSTATUS = 144, PRPSINFO = 124;

    private CoreDump() {
    }

    /** Writes the core file for {@code t} dying of {@code sig}; true if one was written. */
    public static boolean dump(Task t, int sig, Registers regs) {
        long limit = t.signal().rlimits().cur(Rlimits.RLIMIT_CORE);
        MmStruct mm = t.mm();
        if (limit == 0 || mm == null || t.fs() == null) {
            return false;
        }
        File file;
        try {
            file = Open.filpOpen(t, minikernel.kernel.fs.Namei.AT_FDCWD, "core", File.O_CREAT | File.O_WRONLY | File.O_TRUNC
                    | File.O_NOFOLLOW, 0600);
        } catch (VfsError e) {
            return false;                        // no core where the process cannot create one
        }
        try {
            if (!file.inode().isRegular()) {
                return false;
            }
            byte[] image = image(t, sig, regs, mm);
            long length = limit == Rlimits.INFINITY ? image.length : Math.min(image.length, limit);
            return file.writeAt(0, image, 0, (int) length) == length;
        } finally {
            file.put();
        }
    }

    private static byte[] image(Task t, int sig, Registers r, MmStruct mm) {
        List<Vma> vmas = mm.vmas();
        byte[] notes = notes(t, sig, r);
        int phnum = 1 + vmas.size();
        long offset = align(EHDR + (long) PHDR * phnum + notes.length);
        ByteBuffer head = ByteBuffer.allocate(EHDR + PHDR * phnum).order(ByteOrder.LITTLE_ENDIAN);
        head.put(new byte[]{0x7f, 'E', 'L', 'F', 1, 1, 1, 0}).put(new byte[8]);
        head.putShort((short) ET_CORE).putShort((short) EM_386).putInt(1).putInt(0).putInt(EHDR).putInt(0)
                .putInt(0).putShort((short) EHDR).putShort((short) PHDR).putShort((short) phnum)
                .putShort((short) 0).putShort((short) 0).putShort((short) 0);
        head.putInt(PT_NOTE).putInt(EHDR + PHDR * phnum).putInt(0).putInt(0).putInt(notes.length).putInt(0)
                .putInt(0).putInt(4);
        ByteArrayOutputStream contents = new ByteArrayOutputStream();
        for (Vma v : vmas) {
            long size = v.end() - v.start();
            boolean readable = v.has(VmFlags.VM_READ);
            int flags = (readable ? 4 : 0) | (v.has(VmFlags.VM_WRITE) ? 2 : 0) | (v.has(VmFlags.VM_EXEC) ? 1 : 0);
            long filesz = readable ? size : 0;
            head.putInt(PT_LOAD).putInt((int) (offset + contents.size())).putInt((int) v.start()).putInt(0)
                    .putInt((int) filesz).putInt((int) size).putInt(flags).putInt(4096);
            byte[] page = new byte[4096];
            for (long a = v.start(); a < v.start() + filesz; a += 4096) {
                if (!t.kernel().userAccess().copyFromUser(mm, a, page, 0, page.length)) {
                    java.util.Arrays.fill(page, (byte) 0);    // what cannot be read dumps as zeros
                }
                contents.write(page, 0, page.length);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(head.array(), 0, head.position());
        out.write(notes, 0, notes.length);
        out.write(new byte[(int) (offset - out.size())], 0, (int) (offset - out.size()));
        byte[] memory = contents.toByteArray();
        out.write(memory, 0, memory.length);
        return out.toByteArray();
    }

    /** NT_PRSTATUS (struct elf_prstatus: the signal, ids and pr_reg) and NT_PRPSINFO (state, name, args). */
    private static byte[] notes(Task t, int sig, Registers r) {
        ByteBuffer s = ByteBuffer.allocate(PRSTATUS).order(ByteOrder.LITTLE_ENDIAN);
        s.putInt(sig).putInt(0).putInt(0).putShort((short) sig).putShort((short) 0);
        s.putInt((int) t.pending()).putInt((int) t.blocked());
        Task parent = t.groupLeader().parent();
        s.putInt(t.pid()).putInt(parent == null ? 0 : parent.tgid()).putInt(t.pgrp()).putInt(t.session());
        s.position(s.position() + 32);                              // utime, stime, cutime, cstime
        long[] reg = {r.ebx(), r.ecx(), r.edx(), r.esi(), r.edi(), r.ebp(), r.eax(), r.ds(), r.es(), r.fs(), r.gs(),
            -1, r.eip(), r.cs(), r.eflags(), r.esp(), r.ss()};        // orig_eax -1: not in a system call
        for (long v : reg) {
            s.putInt((int) v);
        }
        s.putInt(0);                                                 // pr_fpvalid
        ByteBuffer p = ByteBuffer.allocate(PRPSINFO).order(ByteOrder.LITTLE_ENDIAN);
        p.put((byte) 0).put((byte) 'R').put((byte) 0).put((byte) t.nice()).putInt(0);
        p.putShort((short) t.cred().uid()).putShort((short) t.cred().gid());
        p.putInt(t.pid()).putInt(parent == null ? 0 : parent.tgid()).putInt(t.pgrp()).putInt(t.session());
        byte[] comm = t.comm().getBytes(StandardCharsets.UTF_8);
        p.put(comm, 0, Math.min(comm.length, 15));
        p.position(8 + 4 + 16 + 16);
        p.put(comm, 0, Math.min(comm.length, 79));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        note(out, NT_PRSTATUS, s.array());
        note(out, NT_PRPSINFO, p.array());
        return out.toByteArray();
    }

    private static void note(ByteArrayOutputStream out, int type, byte[] desc) {
        ByteBuffer h = ByteBuffer.allocate(12 + 8).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(5).putInt(desc.length).putInt(type).put("CORE".getBytes(StandardCharsets.US_ASCII)).put((byte) 0);
        out.write(h.array(), 0, h.capacity());
        out.write(desc, 0, desc.length);
        out.write(new byte[(int) (align4(desc.length) - desc.length)], 0, (int) (align4(desc.length) - desc.length));
    }

    private static long align(long n) {
        return (n + 4095) & ~4095L;
    }

    private static long align4(long n) {
        return (n + 3) & ~3L;
    }
}
