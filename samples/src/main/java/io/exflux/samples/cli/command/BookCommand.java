package io.exflux.samples.cli.command;

import io.exflux.api.ExchangeClient;
import io.exflux.api.model.CurrencyPair;
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

    @Override
    public Integer call() {
        if (depth < 1 || depth > 100) {
            throw usage("--depth must be between 1 and 100: " + depth);
        }
        CliContext context = context();
        try (VenueSession session = openSession(false)) {
            ExchangeClient client = session.client();
            MarketScale scale = MarketScales.of(client, pair);
            boolean colour = context.terminal() && !context.environment().containsKey("NO_COLOR");
            BookView view = new BookView(client.venue(), pair, depth, colour, scale);
            Flux<?> output = context.terminal() ? terminal(context, client, view) : plain(context, client, view);
            boolean interrupted = LiveRun.run(context, session, output, duration);
            return interrupted ? ExitCodes.INTERRUPTED : ExitCodes.OK;
        }
    }

    private Flux<?> terminal(CliContext context, ExchangeClient client, BookView view) {
        BookBoard board = new BookBoard(tapeSize);
        Screen screen = new Screen(context.out());
        Instant started = context.clock().instant();
        String where = venueOptions.live() ? "live" : "simulator";
        Flux<BookBoard> events = Flux.merge(
                client.watchOrderBook(pair, depth).map(board::onBook),
                client.watchTrades(pair).map(board::onTrade));
        return events.sample(Flux.interval(refresh, context.timer()))
                .doOnNext(any -> {
                    ScreenSize size = context.screenSize().get();
                    screen.draw(view.screen(board.snapshot(), where + "  "
                            + Duration.between(started, context.clock().instant()).toSeconds() + "s", size), size);
                })
                .doFinally(signal -> screen.close());
    }

    private Flux<?> plain(CliContext context, ExchangeClient client, BookView view) {
        Flux<String> books = client.watchOrderBook(pair, depth)
                .sample(Flux.interval(Duration.ofSeconds(1), context.timer()))
                .map(view::bookSummary);
        Flux<String> trades = client.watchTrades(pair).map(view::tradeSummary);
        return Flux.merge(books, trades).doOnNext(context.out()::println);
    }
}
