package io.exflux.testkit.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A region of a document that a test generates, so that it cannot drift from what the test runs: the lines between
 * {@code <!-- generated: name -->} and {@code <!-- end generated: name -->}. {@link #check} fails when the region
 * differs from what the test would write, and rewrites it instead when the system property {@value #WRITE} is
 * {@code true} (run the test once with {@code -Dexflux.docs.write=true} after changing its rows).
 */
public final class GeneratedSection {

    /** The system property that makes {@link #check} rewrite the region instead of failing. */
    public static final String WRITE = "exflux.docs.write";

    /** Cells longer than this are shown as their start and their length. */
    public static final int LONGEST = 80;

    private GeneratedSection() {
    }

    /**
     * {@code text} as one cell of a Markdown table: pipes escaped, line breaks as spaces, and a text longer than
     * {@value #LONGEST} characters shown as its first ten characters and its length.
     */
    public static String cell(String text) {
        String shown = text.length() <= LONGEST ? text
                : text.substring(0, 10) + "... (" + text.length() + " characters)";
        return shown.replace("\r", " ").replace("\n", " ").replace("|", "\\|");
    }

    /**
     * Checks that the region {@code name} of {@code file} holds exactly {@code content} (a trailing line break is
     * added when missing).
     *
     * @throws AssertionError when it differs (the message holds what it should be) or the markers are missing
     */
    public static void check(Path file, String name, String content) {
        String begin = "<!-- generated: " + name + " -->\n";
        String end = "<!-- end generated: " + name + " -->";
        String text = read(file);
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new AssertionError(file + " has no region '" + begin.trim() + "' ... '" + end + "'");
        }
        String wanted = content.endsWith("\n") ? content : content + "\n";
        String found = text.substring(from + begin.length(), to);
        if (found.equals(wanted)) {
            return;
        }
        if (Boolean.getBoolean(WRITE)) {
            write(file, text.substring(0, from + begin.length()) + wanted + text.substring(to));
            return;
        }
        throw new AssertionError("the region '" + name + "' of " + file + " is out of date (run the test with -D"
                + WRITE + "=true to rewrite it); it should read:\n" + wanted);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
