package io.exflux.samples.cli.render;

import java.io.PrintStream;
import java.util.List;

/**
 * Redraws a block of lines in place on an ANSI terminal: cursor home, each line cleared to its end,
 * the rest of the screen cleared, so that nothing flickers or scrolls. Hides the cursor while live.
 */
public final class Screen {

    private static final String ESC = "\u001b[";

    private final PrintStream out;
    private boolean started;
    private boolean closed;

    public Screen(PrintStream out) {
        this.out = out;
    }

    /**
     * Replaces what is on the screen with {@code lines}. Ignored once closed: a redraw racing the end of
     * the run must not hide the cursor again.
     */
    public synchronized void draw(List<String> lines) {
        if (closed) {
            return;
        }
        StringBuilder frame = new StringBuilder(lines.size() * 80);
        if (!started) {
            frame.append(ESC).append("?25l").append(ESC).append("2J");
            started = true;
        }
        frame.append(ESC).append('H');
        for (String line : lines) {
            frame.append(line).append(ESC).append('K').append('\n');
        }
        frame.append(ESC).append('J');
        out.print(frame);
        out.flush();
    }

    /** Shows the cursor again; the last frame stays on screen. */
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (started) {
            out.print(ESC + "?25h");
            out.flush();
        }
    }
}
