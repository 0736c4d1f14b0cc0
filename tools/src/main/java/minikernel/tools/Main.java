package minikernel.tools;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code minikernel} command: {@code minikernel [COMMAND] [OPTIONS] [ARGS]}. With no command it
 * boots the default root image. Each command is a small class; this one only dispatches.
 */
public final class Main {
    private Main() {
    }

    /** A subcommand; returns the process exit status. */
    interface Command {
        String summary();

        int run(String[] args);
    }

    private static Map<String, Command> commands() {
        Map<String, Command> m = new LinkedHashMap<>();
        m.put("boot", new BootCommand());
        m.put("run", new RunCommand());
        m.put("diagram", new DiagramCommand());
        m.put("debug", new DebugCommand());
        m.put("grade", new GradeCommand());
        m.put("bench", new BenchCommand());
        return m;
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        Map<String, Command> commands = commands();
        if (args.length == 0) {
            return commands.get("boot").run(args);
        }
        String name = args[0];
        if (name.equals("help") || name.equals("--help") || name.equals("-h")) {
            usage(commands);
            return 0;
        }
        Command c = commands.get(name);
        if (c == null) {
            System.err.println("minikernel: unknown command '" + name + "'");
            usage(commands);
            return 2;
        }
        return c.run(Arrays.copyOfRange(args, 1, args.length));
    }

    private static void usage(Map<String, Command> commands) {
        StringBuilder b = new StringBuilder("usage: minikernel [COMMAND] [OPTIONS] [ARGS]\n\ncommands:\n");
        for (Map.Entry<String, Command> e : commands.entrySet()) {
            b.append(String.format("  %-8s %s%n", e.getKey(), e.getValue().summary()));
        }
        b.append(String.format("  %-8s %s%n", "cc", "compile a guest program with the SDK (gcc wrapper)"));
        b.append("\nWith no command, minikernel boots the default root image.\n"
                + "'minikernel COMMAND --help' describes a command's options.");
        System.err.println(b);
    }
}
