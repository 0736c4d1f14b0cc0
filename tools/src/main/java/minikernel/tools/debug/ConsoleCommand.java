package minikernel.tools.debug;

import java.util.List;

/**
 * One debugger command: its name and short forms, a line of help, and what it does. The registry
 * ({@link Commands}) maps every name to its command; a command says whether the guest runs on.
 */
public interface ConsoleCommand {
    /** After a command: stay at the prompt, or let the guest run. */
    enum After { STAY, RESUME }

    /** The full name first, then the abbreviations ("step", "s", "stepi", "si"). */
    List<String> names();

    /** "step [N]: run N instructions of this task (default 1)". */
    String help();

    After run(Debugger debugger, String args) throws DebugException;
}
