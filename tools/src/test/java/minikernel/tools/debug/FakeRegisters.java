package minikernel.tools.debug;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** A register file for tests: a map holding every i386 register the debugger names, all 0 at first. */
final class FakeRegisters implements RegisterFile {
    private final Map<String, Long> values = new LinkedHashMap<>();

    FakeRegisters() {
        for (String name : new String[] {"eax", "ebx", "ecx", "edx", "esi", "edi", "esp", "ebp", "eip",
                "eflags", "cs", "ds", "es", "fs", "gs", "ss"}) {
            values.put(name, 0L);
        }
    }

    FakeRegisters with(String name, long value) {
        set(name, value);
        return this;
    }

    @Override
    public long get(String name) {
        Long value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no register " + name);
        }
        return value;
    }

    @Override
    public void set(String name, long value) {
        if (!values.containsKey(name)) {
            throw new IllegalArgumentException("no register " + name);
        }
        values.put(name, value & 0xffff_ffffL);
    }

    @Override
    public Set<String> names() {
        return values.keySet();
    }
}
