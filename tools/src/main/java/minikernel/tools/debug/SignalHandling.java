package minikernel.tools.debug;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import minikernel.kernel.signal.Signal;

/**
 * What the console does with a signal before it acts (gdb's "handle" table): stop there or not,
 * and pass it to the task or not. As gdb's defaults: every signal stops and passes, except those
 * a program gets in its ordinary course (SIGALRM, SIGURG, SIGCHLD, SIGWINCH, SIGIO, SIGVTALRM,
 * SIGPROF), which pass without a stop.
 */
final class SignalHandling {
    private final Set<Integer> noStop = new HashSet<>(Set.of(Signal.SIGALRM.number, Signal.SIGURG.number,
            Signal.SIGCHLD.number, Signal.SIGWINCH.number, Signal.SIGIO.number, Signal.SIGVTALRM.number,
            Signal.SIGPROF.number));
    private final Set<Integer> noPass = new HashSet<>();

    boolean stops(int sig) {
        return !noStop.contains(sig);
    }

    boolean passes(int sig) {
        return !noPass.contains(sig);
    }

    /** handle SIG [stop|nostop|pass|nopass]...: changes the row, and returns it as a line. */
    String handle(String args) throws DebugException {
        String[] words = args.strip().split("\\s+");
        if (words[0].isEmpty()) {
            throw new DebugException("handle SIGNAL [stop|nostop|pass|nopass]...: a signal name (SIGUSR1) or number");
        }
        int sig = parse(words[0]);
        for (int i = 1; i < words.length; i++) {
            switch (words[i].toLowerCase(Locale.ROOT)) {
                case "stop" -> noStop.remove(sig);
                case "nostop" -> noStop.add(sig);
                case "pass", "noignore" -> noPass.remove(sig);
                case "nopass", "ignore" -> noPass.add(sig);
                default -> throw new DebugException("handle: '" + words[i] + "' is not stop, nostop, pass or nopass");
            }
        }
        return String.format("Signal        Stop  Pass%n%-13s %-5s %s", Signal.name(sig), stops(sig) ? "Yes" : "No",
                passes(sig) ? "Yes" : "No");
    }

    /** SIGUSR1, USR1 or 10 (0: none). */
    static int parse(String word) throws DebugException {
        String w = word.toUpperCase(Locale.ROOT);
        if (w.matches("\\d+")) {
            int n = Integer.parseInt(w);
            if (n >= 0 && n <= Signal.NSIG) {
                return n;
            }
        } else {
            for (Signal s : Signal.values()) {
                if (s.name().equals(w) || s.name().equals("SIG" + w)) {
                    return s.number;
                }
            }
        }
        throw new DebugException("no signal '" + word + "' (a name such as SIGUSR1, or 1 to " + Signal.NSIG + ")");
    }
}
