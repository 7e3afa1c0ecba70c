package io.exflux.samples.cli.render;

/**
 * The size of the terminal a screen is drawn on, read again before every frame so that a resized
 * window gets a frame that fits.
 *
 * @param columns characters a line may hold
 * @param rows    lines the screen holds
 */
public record ScreenSize(int columns, int rows) {

    /** The classic terminal, for output whose size cannot be read. */
    public static final ScreenSize CLASSIC = new ScreenSize(80, 24);

    public ScreenSize {
        if (columns < 1 || rows < 1) {
            throw new IllegalArgumentException("a screen needs at least one column and one row: " + columns + "x" + rows);
        }
    }

    @Override
    public String toString() {
        return columns + "x" + rows;
    }
}
