package minikernel.tools.grade;

import java.util.List;
import java.util.Map;

/**
 * Everything one run of a test needs, ready: the program, the sandbox's files, args, stdin and the
 * kernel's limits. A kernel lab's runner JVM gets it as JSON (byte arrays in base64).
 *
 * @param files sandbox path to content
 * @param trace whether to record the system-call trace (a test checks syscalls)
 */
record RunSpec(byte[] program, Map<String, byte[]> files, List<String> args, String stdin, long budget,
               long memory, int tasks, boolean trace) {
    static RunSpec of(TestSpec t, byte[] program, Map<String, byte[]> files) {
        return new RunSpec(program, files, t.args(), t.stdin(), t.budget(), t.memory(), t.tasks(),
                !t.syscalls().isEmpty());
    }
}
