package io.exflux.samples.cli.command;

import io.exflux.api.model.Candle;
import io.exflux.api.model.CandleInterval;
import io.exflux.api.model.CurrencyPair;
import io.exflux.samples.cli.ExitCodes;
import io.exflux.samples.cli.render.Formats;
import io.exflux.samples.cli.render.JsonRecords;
import io.exflux.samples.cli.render.MarketScale;
import io.exflux.samples.cli.render.ProgressBar;
import io.exflux.samples.cli.venue.VenueSession;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code exflux candles}: OHLCV bars over a time range, to CSV or JSON. The client pages through the
 * venue's per-request limit; a long range shows a progress bar on a terminal.
 */
@Command(name = "candles", mixinStandardHelpOptions = true, versionProvider = io.exflux.samples.cli.ExfluxCommand.Version.class,
        description = "OHLCV candles over a time range, as CSV or JSON.")
public final class CandlesCommand extends VenueCommand {

    /** Ranges longer than this many candles get a progress bar on a terminal. */
    static final long PROGRESS_THRESHOLD = 500;

    @Option(names = "--pair", defaultValue = "BTC_USDT", converter = Parsing.PairConverter.class,
            description = "Market (default: ${DEFAULT-VALUE}).")
    CurrencyPair pair;

    @Option(names = "--interval", defaultValue = "5m", converter = Parsing.IntervalConverter.class,
            description = "1m 5m 15m 30m 1h 4h 6h 1d 1w (default: ${DEFAULT-VALUE}).")
    CandleInterval interval;

    @Option(names = "--from", converter = Parsing.InstantConverter.class,
            description = "Start, inclusive: 2026-11-21, 2026-11-21T10:00:00Z or epoch seconds (default: --to minus one day).")
    Instant from;

    @Option(names = "--to", converter = Parsing.InstantConverter.class,
            description = "End, exclusive (default: now).")
    Instant to;

    @Option(names = "--format", defaultValue = "csv", description = "csv or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path output;

    @Override
    public Integer call() throws IOException {
        boolean json = "json".equalsIgnoreCase(format);
        if (!json && !"csv".equalsIgnoreCase(format)) {
            throw usage("--format must be csv or json: " + format);
        }
        Instant end = to != null ? to : context().clock().instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Instant start = from != null ? from : end.minus(Duration.ofDays(1));
        if (!start.isBefore(end)) {
            throw usage("--from must be before --to");
        }
        try (VenueSession session = openSession(false);
             Sink sink = new Sink(output, context().out())) {
            MarketScale scale = MarketScales.of(session.client(), pair);
            long expected = Duration.between(start, end).toMillis() / interval.duration().toMillis();
            ProgressBar progress = new ProgressBar(context().err(),
                    context().terminal() && expected > PROGRESS_THRESHOLD);
            AtomicLong count = new AtomicLong();
            PrintStream out = sink.stream();
            out.println(json ? "[" : "open_time,open,high,low,close,volume,quote_volume");
            session.client().candles(pair, interval, start, end)
                    .doOnNext(candle -> {
                        long n = count.incrementAndGet();
                        if (json) {
                            out.print((n == 1 ? "  " : ",\n  ") + JsonRecords.line(JsonRecords.candle(candle)));
                        } else {
                            out.println(csv(candle, scale));
                        }
                        Instant covered = candle.openTime().plus(interval.duration());
                        double done = (double) Duration.between(start, covered).toMillis()
                                / Duration.between(start, end).toMillis();
                        progress.update(done, n + " candles");
                    })
                    .blockLast(Duration.ofMinutes(30));
            progress.finish();
            if (json) {
                out.println(count.get() == 0 ? "]" : "\n]");
            }
            out.flush();
            context().err().println("exflux: " + count.get() + " " + Formats.intervalLabel(interval) + " candles of "
                    + pair + " from " + start + " to " + end + (output == null ? "" : " written to " + output));
            return ExitCodes.OK;
        }
    }

    private static String csv(Candle c, MarketScale scale) {
        return c.openTime() + "," + scale.price(c.open()) + "," + scale.price(c.high()) + ","
                + scale.price(c.low()) + "," + scale.price(c.close()) + "," + scale.amount(c.volume()) + ","
                + (c.quoteVolume() == null ? "" : scale.price(c.quoteVolume()));
    }

    /** Standard output, or a file that is closed at the end. */
    static final class Sink implements AutoCloseable {
        private final PrintStream stream;
        private final boolean owned;

        Sink(Path file, PrintStream standardOutput) throws IOException {
            if (file == null) {
                stream = standardOutput;
                owned = false;
            } else {
                OutputStream os = Files.newOutputStream(file);
                stream = new PrintStream(os, false, StandardCharsets.UTF_8);
                owned = true;
            }
        }

        PrintStream stream() {
            return stream;
        }

        @Override
        public void close() {
            if (owned) {
                stream.close();
            } else {
                stream.flush();
            }
        }
    }
}
