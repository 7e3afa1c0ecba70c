package io.exflux.samples.cli.command;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.exflux.api.ExchangeClient;
import io.exflux.api.model.CurrencyPair;
import io.exflux.samples.cli.ExitCodes;
import io.exflux.samples.cli.render.JsonRecords;
import io.exflux.samples.cli.venue.VenueSession;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import reactor.core.publisher.Flux;

/**
 * {@code exflux record}: writes live streams to NDJSON, one event a line
 * ({@code {"type":"trade","receivedAt":...,"data":{...}}}), for later replay or analysis.
 */
@Command(name = "record", mixinStandardHelpOptions = true, versionProvider = io.exflux.samples.cli.ExfluxCommand.Version.class,
        description = "Record live trades, books and tickers to NDJSON for later replay.")
public final class RecordCommand extends VenueCommand {

    /** The streams {@code record} can write. */
    public enum Stream { TRADES, BOOK, TICKER }

    @Option(names = "--pair", defaultValue = "BTC_USDT", converter = Parsing.PairConverter.class,
            description = "Market (default: ${DEFAULT-VALUE}).")
    CurrencyPair pair;

    @Option(names = "--streams", split = ",", defaultValue = "trades,book",
            description = "Which streams, comma separated: trades, book, ticker (default: ${DEFAULT-VALUE}).")
    List<String> streams;

    @Option(names = "--depth", defaultValue = "20", description = "Book levels a side (default: ${DEFAULT-VALUE}).")
    int depth;

    @Option(names = "--duration", converter = Parsing.DurationConverter.class,
            description = "Stop after this long (default: until Ctrl-C).")
    Duration duration;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path output;

    @Override
    public Integer call() throws IOException {
        Set<Stream> chosen = EnumSet.noneOf(Stream.class);
        for (String name : streams) {
            try {
                chosen.add(Stream.valueOf(name.trim().toUpperCase(java.util.Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw usage("unknown stream '" + name + "' (trades, book, ticker)");
            }
        }
        AtomicLong count = new AtomicLong();
        try (VenueSession session = openSession(false);
             CandlesCommand.Sink sink = new CandlesCommand.Sink(output, context().out())) {
            ExchangeClient client = session.client();
            client.pair(pair).block(Requests.TIMEOUT);
            PrintStream out = sink.stream();
            Flux<String> lines = Flux.merge(chosen.stream().map(stream -> events(client, stream)).toList())
                    .map(event -> {
                        ObjectNode line = JsonRecords.line(event.type, context().clock().instant(), event.data);
                        return JsonRecords.line(line);
                    })
                    .doOnNext(line -> {
                        out.println(line);
                        count.incrementAndGet();
                    });
            boolean interrupted = LiveRun.run(context(), session, lines, duration);
            out.flush();
            context().err().println("exflux: recorded " + count.get() + " events"
                    + (output == null ? "" : " to " + output));
            return interrupted ? ExitCodes.INTERRUPTED : ExitCodes.OK;
        }
    }

    private Flux<Event> events(ExchangeClient client, Stream stream) {
        switch (stream) {
            case TRADES:
                return client.watchTrades(pair).map(t -> new Event("trade", JsonRecords.trade(t)));
            case BOOK:
                return client.watchOrderBook(pair, depth).map(b -> new Event("book", JsonRecords.book(b)));
            default:
                return client.watchTicker(pair).map(t -> new Event("ticker", JsonRecords.ticker(t)));
        }
    }

    private record Event(String type, ObjectNode data) {
    }
}
