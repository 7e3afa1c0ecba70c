package io.exflux.samples.cli.render;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** A text table with columns as wide as their widest cell; numbers right-aligned. */
public final class Table {

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    public Table(String... headers) {
        this.headers = List.of(headers);
    }

    public Table row(String... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("expected " + headers.size() + " cells, got " + cells.length);
        }
        rows.add(List.of(cells));
        return this;
    }

    public int size() {
        return rows.size();
    }

    /** Prints the header and the rows. */
    public void print(PrintStream out) {
        int[] widths = new int[headers.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = headers.get(c).length();
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        out.println(line(headers, widths, true));
        for (List<String> row : rows) {
            out.println(line(row, widths, false));
        }
        out.flush();
    }

    private static String line(List<String> cells, int[] widths, boolean header) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            boolean numeric = !header && cell.matches("-?[0-9][0-9.]*");
            line.append(c == 0 ? "" : "  ")
                    .append(numeric ? Formats.right(cell, widths[c]) : Formats.left(cell, widths[c]));
        }
        return line.toString().stripTrailing();
    }
}
