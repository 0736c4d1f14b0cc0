package minikernel.tools.debug;

/** Where the console's commands come from: a person at a terminal, or a script (--batch, -ex). */
public interface LineSource {
    /** The next command line, or null when there are no more (Ctrl-D, the script's end). */
    String readLine(String prompt);

    /** True for a script: the transcript then shows each command after the prompt. */
    boolean echoes();
}
