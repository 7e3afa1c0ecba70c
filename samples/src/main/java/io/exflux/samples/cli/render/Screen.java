package io.exflux.samples.cli.render;

import java.io.PrintStream;
import java.util.List;

/**
 * Redraws a block of lines in place on an ANSI terminal: cursor home, each line cleared to its end,
 * the rest of the screen cleared, so that nothing flickers or scrolls. No newline follows the last
 * line (on the bottom row it would scroll the frame up); a frame for a new terminal size starts from a
 * cleared screen, so nothing of the old layout stays. Hides the cursor while live.
 */
public final class Screen {

    private static final String ESC = "\u001b[";

    private final PrintStream out;
    private boolean started;
    private ScreenSize drawnFor;
    private boolean closed;

    public Screen(PrintStream out) {
        this.out = out;
    }

    /**
     * Replaces what is on the screen with {@code lines}. Ignored once closed: a redraw racing the end of
     * the run must not hide the cursor again.
     */
    public synchronized void draw(List<String> lines, ScreenSize size) {
        if (closed) {
            return;
        }
        StringBuilder frame = new StringBuilder(lines.size() * 80);
        if (!started) {
            frame.append(ESC).append("?25l");
            started = true;
        }
        if (!size.equals(drawnFor)) {
            frame.append(ESC).append("2J");
            drawnFor = size;
        }
        frame.append(ESC).append('H');
        for (int i = 0; i < lines.size(); i++) {
            frame.append(lines.get(i)).append(ESC).append('K').append(i + 1 < lines.size() ? "\n" : "");
        }
        frame.append(ESC).append('J');
        out.print(frame);
        out.flush();
    }

    /** Shows the cursor again below the last frame, which stays on screen. */
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (started) {
            out.print("\n" + ESC + "?25h");
            out.flush();
        }
    }
}
