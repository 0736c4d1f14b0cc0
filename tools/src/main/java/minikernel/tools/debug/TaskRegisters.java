package minikernel.tools.debug;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import minikernel.cpu.Cpu;
import minikernel.cpu.unicorn.UcConst;
import minikernel.kernel.sched.Task;

/**
 * A task's registers: the engine's own for the task running now (the debugger stops inside the
 * code hook, before the instruction at EIP), the saved context (thread.sp and friends) for any
 * other.
 */
public final class TaskRegisters implements RegisterFile {
    /** gdb's order for `info registers`. */
    static final Map<String, Integer> IDS = new LinkedHashMap<>();

    static {
        String[] names = {"eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi", "eip", "eflags",
            "cs", "ss", "ds", "es", "fs", "gs"};
        int[] ids = {UcConst.EAX, UcConst.ECX, UcConst.EDX, UcConst.EBX, UcConst.ESP, UcConst.EBP, UcConst.ESI,
            UcConst.EDI, UcConst.EIP, UcConst.EFLAGS, UcConst.CS, UcConst.SS, UcConst.DS, UcConst.ES, UcConst.FS,
            UcConst.GS};
        for (int i = 0; i < names.length; i++) {
            IDS.put(names[i], ids[i]);
        }
    }

    private final Cpu cpu;
    private final Task task;
    private final boolean live;

    public TaskRegisters(Cpu cpu, Task task, boolean live) {
        this.cpu = cpu;
        this.task = task;
        this.live = live;
    }

    private int id(String name) {
        Integer id = IDS.get(name.toLowerCase(java.util.Locale.ROOT));
        if (id == null) {
            throw new IllegalArgumentException("no register '" + name + "'");
        }
        return id;
    }

    @Override
    public long get(String name) {
        int id = id(name);
        return (live ? cpu.reg(id) : cpu.contextReg(task.context(), id)) & 0xffffffffL;
    }

    @Override
    public void set(String name, long value) {
        int id = id(name);
        if (live) {
            cpu.setReg(id, value & 0xffffffffL);
        } else {
            cpu.setContextReg(task.context(), id, value & 0xffffffffL);
        }
    }

    @Override
    public Set<String> names() {
        return IDS.keySet();
    }
}
