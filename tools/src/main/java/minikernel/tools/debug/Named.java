package minikernel.tools.debug;

import java.util.List;

/** A command's names and help line, given once to the constructor: the registry's bookkeeping. */
abstract class Named implements ConsoleCommand {
    private final List<String> names;
    private final String help;

    /** {@code names}: the full name first, then its abbreviations. */
    Named(String help, String... names) {
        this.help = help;
        this.names = List.of(names);
    }

    @Override
    public final List<String> names() {
        return names;
    }

    @Override
    public final String help() {
        return help;
    }
}
