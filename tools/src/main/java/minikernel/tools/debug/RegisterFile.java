package minikernel.tools.debug;

/** A task's registers by name: eax..edi, esp, ebp, eip, eflags, cs/ds/es/fs/gs/ss; set for `set REG`. */
public interface RegisterFile {
    long get(String name);

    void set(String name, long value);

    java.util.Set<String> names();
}
