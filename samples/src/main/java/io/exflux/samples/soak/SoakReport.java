package io.exflux.samples.soak;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The soak's table: one row per figure of one venue, each with the rule it is judged by and whether it passed,
 * and the verdict. A row whose rule is not enforced (trade gaps and private updates missed, stalls detected late,
 * when the soak is told not to be strict: {@link SoakSettings#strictGaps()}, {@link SoakSettings#strictLiveness()})
 * is shown with its number and {@code info} instead.
 */
public final class SoakReport {

    /** How a row counts in the verdict. */
    public enum Mark { PASS, FAIL, INFO }

    /** One figure: what it measures, its value, the rule, and how it counted. */
    public record Row(String venue, String measure, String value, String rule, Mark mark) {
        public Row {
            Objects.requireNonNull(venue, "venue");
            Objects.requireNonNull(measure, "measure");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(mark, "mark");
        }
    }

    private final String header;
    private final List<Row> rows = new ArrayList<>();

    SoakReport(String header) {
        this.header = header;
    }

    /** Adds a row judged by {@code holds}, or shown as information when {@code enforced} is false. */
    SoakReport row(String venue, String measure, Object value, String rule, boolean enforced, boolean holds) {
        Mark mark = !enforced ? Mark.INFO : holds ? Mark.PASS : Mark.FAIL;
        rows.add(new Row(venue, measure, String.valueOf(value), rule, mark));
        return this;
    }

    /** Adds a row that always counts. */
    SoakReport row(String venue, String measure, Object value, String rule, boolean holds) {
        return row(venue, measure, value, rule, true, holds);
    }

    /** Adds a row that is information only. */
    SoakReport info(String venue, String measure, Object value) {
        return row(venue, measure, value, "-", false, true);
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    /** True when no row failed. */
    public boolean passed() {
        return rows.stream().noneMatch(row -> row.mark() == Mark.FAIL);
    }

    /** The failed rows as "venue: measure = value (rule)", the reasons of a failed verdict. */
    public List<String> reasons() {
        return rows.stream().filter(row -> row.mark() == Mark.FAIL)
                .map(row -> row.venue() + ": " + row.measure() + " = " + row.value() + " (rule: " + row.rule() + ")")
                .toList();
    }

    /** Prints the table, then the verdict and its reasons. */
    public void print(PrintStream out) {
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {"venue", "measure", "value", "rule", "result"});
        rows.forEach(row -> lines.add(new String[] {row.venue(), row.measure(), row.value(), row.rule(),
                row.mark().name().toLowerCase(java.util.Locale.ROOT)}));
        int[] widths = new int[5];
        for (String[] line : lines) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        out.println(header);
        for (String[] line : lines) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                text.append(i == 0 ? "" : "  ").append(i == widths.length - 1 ? line[i] : pad(line[i], widths[i]));
            }
            out.println(text);
        }
        out.println(passed() ? "verdict: PASS" : "verdict: FAIL");
        reasons().forEach(reason -> out.println("  " + reason));
        out.flush();
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }
}
