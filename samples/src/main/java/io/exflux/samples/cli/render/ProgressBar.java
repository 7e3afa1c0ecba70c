package io.exflux.samples.cli.render;

import java.io.PrintStream;

/** A one-line progress bar on a terminal, redrawn with a carriage return; silent elsewhere. */
public final class ProgressBar {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final boolean enabled;
    private int lastPercent = -1;

    public ProgressBar(PrintStream out, boolean enabled) {
        this.out = out;
        this.enabled = enabled;
    }

    /** Shows {@code fraction} (0..1) done and a note such as "1200 candles". */
    public void update(double fraction, String note) {
        if (!enabled) {
            return;
        }
        int percent = (int) Math.max(0, Math.min(100, Math.floor(fraction * 100)));
        if (percent == lastPercent) {
            return;
        }
        lastPercent = percent;
        int filled = percent * WIDTH / 100;
        out.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + Formats.right(percent + "%", 4)
                + "  " + note + "\u001b[K");
        out.flush();
    }

    /** Clears the bar's line. */
    public void finish() {
        if (enabled && lastPercent >= 0) {
            out.print("\r\u001b[K");
            out.flush();
        }
    }
}
