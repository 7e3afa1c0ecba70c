package io.exflux.samples.cli.command;

import io.exflux.api.ExchangeClient;
import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.OrderBook;
import io.exflux.api.model.Trade;
import io.exflux.kafka.KafkaMarketData;
import io.exflux.kafka.KafkaMarketDataOptions;
import io.exflux.samples.cli.CliContext;
import io.exflux.samples.cli.ExitCodes;
import io.exflux.samples.cli.render.BookBoard;
import io.exflux.samples.cli.render.BookView;
import io.exflux.samples.cli.render.MarketScale;
import io.exflux.samples.cli.render.Screen;
import io.exflux.samples.cli.render.ScreenSize;
import io.exflux.samples.cli.venue.VenueSession;
import java.time.Duration;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import reactor.core.publisher.Flux;

/**
 * {@code exflux book}: the live order book (top levels each side, spread, mid) and the trade tape,
 * redrawn in place on a terminal at the terminal's size (fewer levels on a short one, the tape left out
 * on a narrow one), or as plain lines (a book summary a second, every trade) when the output is piped.
 */
@Command(name = "book", mixinStandardHelpOptions = true, versionProvider = io.exflux.samples.cli.ExfluxCommand.Version.class,
        description = "Live order book and trade tape, redrawn in place on a terminal.")
public final class BookCommand extends VenueCommand {

    @Option(names = "--pair", defaultValue = "BTC_USDT", converter = Parsing.PairConverter.class,
            description = "Market, for example BTC_USDT (default: ${DEFAULT-VALUE}).")
    CurrencyPair pair;

    @Option(names = "--depth", defaultValue = "10", description = "Levels shown each side (default: ${DEFAULT-VALUE}).")
    int depth;

    @Option(names = "--tape", defaultValue = "15", description = "Trades kept on the tape (default: ${DEFAULT-VALUE}).")
    int tapeSize;

    @Option(names = "--duration", converter = Parsing.DurationConverter.class,
            description = "Stop after this long, for example 30s (default: until Ctrl-C).")
    Duration duration;

    @Option(names = "--refresh", defaultValue = "250ms", converter = Parsing.DurationConverter.class,
            description = "Terminal redraw interval (default: ${DEFAULT-VALUE}); piped output prints a book line each second.")
    Duration refresh;

    @Option(names = "--from-kafka", paramLabel = "HOST:PORT",
            description = "Read the book and trades that `exflux collect` publishes to this Kafka cluster instead of the venue.")
    String fromKafka;

    @Option(names = "--topic-prefix", defaultValue = "exflux",
            description = "Topic prefix with --from-kafka (default: ${DEFAULT-VALUE}).")
    String topicPrefix;

    @Override
    public Integer call() {
        if (depth < 1 || depth > 100) {
            throw usage("--depth must be between 1 and 100: " + depth);
        }
        CliContext context = context();
        boolean colour = context.terminal() && !context.environment().containsKey("NO_COLOR");
        if (fromKafka != null) {
            KafkaMarketData kafka;
            try {
                kafka = KafkaMarketData.create(KafkaMarketDataOptions.builder(fromKafka).topicPrefix(topicPrefix).build());
            } catch (IllegalArgumentException e) {
                throw usage(e.getMessage());
            }
            String venue = venueOptions.venue();
            BookView view = new BookView(venue + " via kafka", pair, depth, colour, MarketScale.AS_IS);
            Flux<OrderBook> books = kafka.watchOrderBook(venue, pair, depth);
            Flux<Trade> trades = kafka.watchTrades(venue, pair);
            Flux<?> output = context.terminal() ? terminal(context, books, trades, view, "kafka")
                    : plain(context, books, trades, view);
            boolean interrupted = LiveRun.run(context, () -> { }, output, duration);
            return interrupted ? ExitCodes.INTERRUPTED : ExitCodes.OK;
        }
        try (VenueSession session = openSession(false)) {
            ExchangeClient client = session.client();
            MarketScale scale = MarketScales.of(client, pair);
            BookView view = new BookView(client.venue(), pair, depth, colour, scale);
            Flux<OrderBook> books = client.watchOrderBook(pair, depth);
            Flux<Trade> trades = client.watchTrades(pair);
            Flux<?> output = context.terminal()
                    ? terminal(context, books, trades, view, venueOptions.live() ? "live" : "simulator")
                    : plain(context, books, trades, view);
            boolean interrupted = LiveRun.run(context, session, output, duration);
            return interrupted ? ExitCodes.INTERRUPTED : ExitCodes.OK;
        }
    }

    private Flux<?> terminal(CliContext context, Flux<OrderBook> books, Flux<Trade> trades, BookView view, String where) {
        BookBoard board = new BookBoard(tapeSize);
        Screen screen = new Screen(context.out());
        Instant started = context.clock().instant();
        Flux<BookBoard> events = Flux.merge(books.map(board::onBook), trades.map(board::onTrade));
        return events.sample(Flux.interval(refresh, context.timer()))
                .doOnNext(any -> {
                    ScreenSize size = context.screenSize().get();
                    screen.draw(view.screen(board.snapshot(), where + "  "
                            + Duration.between(started, context.clock().instant()).toSeconds() + "s", size), size);
                })
                .doFinally(signal -> screen.close());
    }

    private Flux<?> plain(CliContext context, Flux<OrderBook> books, Flux<Trade> trades, BookView view) {
        Flux<String> summaries = books.sample(Flux.interval(Duration.ofSeconds(1), context.timer())).map(view::bookSummary);
        return Flux.merge(summaries, trades.map(view::tradeSummary)).doOnNext(context.out()::println);
    }
}
