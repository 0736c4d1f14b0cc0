package minikernel.tools.debug;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.completer.StringsCompleter;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/** A person at the terminal: JLine's line editing, history and tab completion of commands and symbols. */
public final class TerminalLines implements LineSource, AutoCloseable {
    private final Terminal terminal;
    private final LineReader reader;

    public TerminalLines(List<String> words) throws IOException {
        terminal = TerminalBuilder.builder().system(true).build();
        reader = LineReaderBuilder.builder().terminal(terminal).appName("minikernel")
                .completer(new StringsCompleter(new ArrayList<>(words))).build();
    }

    @Override
    public String readLine(String prompt) {
        while (true) {
            try {
                return reader.readLine(prompt);
            } catch (UserInterruptException e) {
                // Ctrl-C at the prompt: a new line, as in gdb
            } catch (EndOfFileException e) {
                return null;
            }
        }
    }

    @Override
    public boolean echoes() {
        return false;
    }

    @Override
    public void close() throws IOException {
        terminal.close();
    }
}
