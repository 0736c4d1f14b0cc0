package minikernel.tools.debug;


/** break, tbreak, delete, enable, disable, info breakpoints. */
final class BreakpointCommands {
    private BreakpointCommands() {
    }

    /** break ADDR [pid N] / tbreak ADDR [pid N]. */
    static final class Break extends Named {
        private final boolean temporary;

        Break(boolean temporary) {
            super(temporary ? "tbreak ADDR [pid N] (tb): a breakpoint that goes away after its first stop"
                            : "break ADDR [pid N] (b): stop before the instruction at ADDR (in task N only)",
                    temporary ? new String[]{"tbreak", "tb"} : new String[]{"break", "b", "br"});
            this.temporary = temporary;
        }

        @Override
        public After run(Debugger d, String args) throws DebugException {
            String where = args;
            int pid = 0;
            int at = args.lastIndexOf(" pid ");
            if (at >= 0) {
                where = args.substring(0, at).strip();
                try {
                    pid = Integer.parseInt(args.substring(at + 5).strip());
                } catch (NumberFormatException e) {
                    throw new DebugException("break: 'pid' needs a number");
                }
                d.task(pid);
            }
            long address = where.isEmpty() ? d.registers(d.focus()).get("eip") : d.evaluate(where);
            Breakpoint b = d.addBreakpoint(address, where.isEmpty() ? String.format("0x%08x", address) : where, pid,
                    temporary);
            d.out().printf("%s %d at 0x%08x%s%s%n", temporary ? "Temporary breakpoint" : "Breakpoint", b.number,
                    address, d.label(address), pid == 0 ? "" : " (pid " + pid + " only)");
            return After.STAY;
        }
    }

    /** watch ADDR [LEN]: stop after an instruction changes the LEN bytes at ADDR (default 4). */
    static final class Watch extends Named {
        private final boolean read;

        Watch(boolean read) {
            super(read ? "rwatch ADDR [LEN] (rw): stop after any task of this address space reads the LEN (default"
                            + " 4, at most 16) bytes at ADDR"
                            : "watch ADDR [LEN] (wa): stop after any task of this address space changes the LEN"
                            + " (default 4, at most 16) bytes at ADDR",
                    read ? new String[]{"rwatch", "rw"} : new String[]{"watch", "wa"});
            this.read = read;
        }

        @Override
        public After run(Debugger d, String args) throws DebugException {
            String text = args.strip();
            int length = 4;
            int space = text.lastIndexOf(' ');
            if (space > 0 && text.substring(space + 1).matches("\\d+")) {
                length = Integer.parseInt(text.substring(space + 1));
                text = text.substring(0, space).strip();
            }
            if (text.isEmpty()) {
                throw new DebugException("watch ADDR [LEN]");
            }
            long address = d.evaluate(text);
            Watchpoint w = d.addWatchpoint(address, length, text, read);
            d.out().printf("%s %d: %s (%d bytes at 0x%08x%s), now %s%n", read ? "Read watchpoint" : "Watchpoint",
                    w.number, text, length, address, d.label(address), Watchpoints.value(w.value));
            return After.STAY;
        }
    }

    static final class Delete extends Named {
        Delete() {
            super("delete [N...] (d): remove breakpoints N (all of them with no N)",
                    "delete", "d");
        }

        @Override
        public After run(Debugger d, String args) throws DebugException {
            if (args.isEmpty()) {
                d.breakpoints().clear();
                d.catchpoints().clear();
                d.watchpoints().clear();
                return After.STAY;
            }
            for (String n : args.split("\\s+")) {
                Catchpoint c = findCatch(d, n);
                Watchpoint w = d.watchpoints().stream().filter(x -> String.valueOf(x.number).equals(n)).findFirst()
                        .orElse(null);
                if (c != null) {
                    d.catchpoints().remove(c);
                } else if (w != null) {
                    d.watchpoints().remove(w);
                } else {
                    d.breakpoints().remove(find(d, n));
                }
            }
            return After.STAY;
        }
    }

    static final class Enable extends Named {
        private final boolean on;

        Enable(boolean on) {
            super((on ? "enable" : "disable") + " [N...]: turn breakpoints N " + (on ? "on" : "off") + " (all with no N)",
                    on ? new String[]{"enable", "en"} : new String[]{"disable", "dis"});
            this.on = on;
        }

        @Override
        public After run(Debugger d, String args) throws DebugException {
            if (args.isEmpty()) {
                d.breakpoints().forEach(b -> b.enabled = on);
                d.catchpoints().forEach(c -> c.enabled = on);
                return After.STAY;
            }
            for (String n : args.split("\\s+")) {
                Catchpoint c = findCatch(d, n);
                if (c != null) {
                    c.enabled = on;
                } else {
                    find(d, n).enabled = on;
                }
            }
            return After.STAY;
        }
    }

    private static Breakpoint find(Debugger d, String n) throws DebugException {
        for (Breakpoint b : d.breakpoints()) {
            if (String.valueOf(b.number).equals(n)) {
                return b;
            }
        }
        throw new DebugException("No breakpoint number " + n + ".");
    }

    private static Catchpoint findCatch(Debugger d, String n) {
        for (Watchpoint w : d.watchpoints()) {
            d.out().printf("%-7d %-10s %-4s %-3s 0x%08x %s (%d bytes)%n", w.number,
                    w.read ? "read watch" : "watchpoint", "keep", "y", w.address, w.what, w.length);
            if (w.hits > 0) {
                d.out().printf("        watchpoint already hit %d time%s%n", w.hits, w.hits == 1 ? "" : "s");
            }
        }
        for (Catchpoint c : d.catchpoints()) {
            if (String.valueOf(c.number).equals(n)) {
                return c;
            }
        }
        return null;
    }

    /** info breakpoints, in gdb's layout (catchpoints too). */
    static void list(Debugger d) {
        if (d.breakpoints().isEmpty() && d.catchpoints().isEmpty() && d.watchpoints().isEmpty()) {
            d.out().println("No breakpoints.");
            return;
        }
        d.out().println("Num     Type       Disp Enb Address    What");
        for (Breakpoint b : d.breakpoints()) {
            d.out().printf("%-7d %-10s %-4s %-3s 0x%08x %s%s%n", b.number, "breakpoint", b.temporary ? "del" : "keep",
                    b.enabled ? "y" : "n", b.address, b.where + d.label(b.address),
                    b.pid == 0 ? "" : " (pid " + b.pid + ")");
            if (b.hits > 0) {
                d.out().printf("        breakpoint already hit %d time%s%n", b.hits, b.hits == 1 ? "" : "s");
            }
        }
        for (Watchpoint w : d.watchpoints()) {
            d.out().printf("%-7d %-10s %-4s %-3s 0x%08x %s (%d bytes)%n", w.number,
                    w.read ? "read watch" : "watchpoint", "keep", "y", w.address, w.what, w.length);
            if (w.hits > 0) {
                d.out().printf("        watchpoint already hit %d time%s%n", w.hits, w.hits == 1 ? "" : "s");
            }
        }
        for (Catchpoint c : d.catchpoints()) {
            d.out().printf("%-7d %-10s %-4s %-3s %-10s %s%n", c.number, "catchpoint", "keep", c.enabled ? "y" : "n", "",
                    c.what);
            if (c.hits > 0) {
                d.out().printf("        catchpoint already hit %d time%s%n", c.hits, c.hits == 1 ? "" : "s");
            }
        }
    }
}
