package io.exflux.reactive.testsupport;

import io.exflux.api.error.ExchangeException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Captures everything written to {@code System.out} and {@code System.err} (where slf4j-simple logs) until
 * closed, while still writing it through, so the test's output file keeps the lines. For the secret-canary
 * tests: what a user could ever see of a run.
 */
public final class ConsoleCapture implements AutoCloseable {

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private final PrintStream originalOut = System.out;
    private final PrintStream originalErr = System.err;

    private ConsoleCapture() {
        System.setOut(new PrintStream(new Tee(captured, originalOut), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(captured, originalErr), true, StandardCharsets.UTF_8));
    }

    public static ConsoleCapture start() {
        return new ConsoleCapture();
    }

    /** Everything captured so far. */
    public String text() {
        synchronized (captured) {
            return captured.toString(StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    /** Every message and {@code toString()} of an error's cause chain, and its {@code ErrorContext}. */
    public static List<String> textsOf(Throwable error) {
        List<String> texts = new ArrayList<>();
        for (Throwable t = error; t != null; t = t.getCause()) {
            texts.add(t.getMessage());
            texts.add(t.toString());
        }
        if (error instanceof ExchangeException exchange) {
            texts.add(exchange.context().toString());
        }
        return texts;
    }

    private static final class Tee extends OutputStream {
        private final ByteArrayOutputStream copy;
        private final OutputStream through;

        Tee(ByteArrayOutputStream copy, OutputStream through) {
            this.copy = copy;
            this.through = through;
        }

        @Override
        public void write(int b) throws IOException {
            synchronized (copy) {
                copy.write(b);
            }
            through.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            synchronized (copy) {
                copy.write(b, off, len);
            }
            through.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            through.flush();
        }
    }
}
