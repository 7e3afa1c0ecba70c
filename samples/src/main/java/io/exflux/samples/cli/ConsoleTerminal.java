package io.exflux.samples.cli;

import io.exflux.samples.cli.render.ScreenSize;
import java.io.IOException;
import java.util.Map;
import java.util.function.Supplier;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The terminal {@code exflux} runs in, through JLine: whether output goes to a terminal that can be
 * redrawn in place (not piped, not redirected, not a dumb terminal), and its size, read afresh each
 * time it is asked so that a resized window is seen at the next frame. Output itself still goes
 * through {@code System.out}; JLine only answers these two questions.
 */
public final class ConsoleTerminal implements AutoCloseable {

    private final Terminal terminal;
    private final boolean redrawable;

    private ConsoleTerminal(Terminal terminal, boolean redrawable) {
        this.terminal = terminal;
        this.redrawable = redrawable;
    }

    /**
     * The process's terminal. Without a console (piped or redirected) no terminal is opened at all;
     * one that JLine can only open as a dumb terminal, or whose {@code TERM} is {@code dumb}, is not
     * redrawn either.
     */
    public static ConsoleTerminal open(boolean consolePresent, Map<String, String> environment) {
        if (!CliContext.isTerminal(consolePresent, environment)) {
            return new ConsoleTerminal(null, false);
        }
        try {
            Terminal terminal = TerminalBuilder.builder().system(true).dumb(true).build();
            boolean dumb = Terminal.TYPE_DUMB.equals(terminal.getType())
                    || Terminal.TYPE_DUMB_COLOR.equals(terminal.getType());
            return new ConsoleTerminal(terminal, !dumb);
        } catch (IOException | RuntimeException e) {
            return new ConsoleTerminal(null, false);
        }
    }

    /** True when output can be redrawn in place. */
    public boolean redrawable() {
        return redrawable;
    }

    /** The size now; {@link ScreenSize#CLASSIC} where the terminal does not say (a size of 0x0). */
    public Supplier<ScreenSize> size() {
        return () -> {
            if (terminal == null) {
                return ScreenSize.CLASSIC;
            }
            Size size = terminal.getSize();
            return size.getColumns() > 0 && size.getRows() > 0
                    ? new ScreenSize(size.getColumns(), size.getRows()) : ScreenSize.CLASSIC;
        };
    }

    @Override
    public void close() {
        if (terminal != null) {
            try {
                terminal.close();
            } catch (IOException e) {
                // the process is ending; nothing to restore
            }
        }
    }
}
