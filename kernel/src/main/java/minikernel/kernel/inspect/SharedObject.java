package minikernel.kernel.inspect;

/**
 * One of the objects a task_struct points to and clone() either shares (a reference more) or
 * copies: Linux's names, the task field that points to it, and the count that says how many
 * tasks use it.
 */
public enum SharedObject {
    MM("mm_struct", "mm", "mm_users", "CLONE_VM"),
    FS("fs_struct", "fs", "users", "CLONE_FS"),
    FILES("files_struct", "files", "count", "CLONE_FILES"),
    SIGHAND("sighand_struct", "sighand", "count", "CLONE_SIGHAND"),
    SIGNAL("signal_struct", "signal", "nr_threads", "CLONE_THREAD");

    private final String struct, field, counter, cloneFlag;

    SharedObject(String struct, String field, String counter, String cloneFlag) {
        this.struct = struct;
        this.field = field;
        this.counter = counter;
        this.cloneFlag = cloneFlag;
    }

    /** "mm_struct". */
    public String struct() {
        return struct;
    }

    /** The task_struct field that points to it: "mm". */
    public String field() {
        return field;
    }

    /** The reference count's name in Linux: "mm_users". */
    public String counter() {
        return counter;
    }

    /** The clone flag that shares it rather than copying it. */
    public String cloneFlag() {
        return cloneFlag;
    }
}
