package io.exflux.samples.cli.command;

import static io.exflux.samples.cli.render.Formats.time;

import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.Ticker;
import io.exflux.samples.cli.ExitCodes;
import io.exflux.samples.cli.render.BookView;
import io.exflux.samples.cli.render.MarketScale;
import io.exflux.samples.cli.render.Table;
import io.exflux.samples.cli.venue.VenueSession;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code exflux ticker}: one market's summary, every market's, or a live feed of one. */
@Command(name = "ticker", mixinStandardHelpOptions = true, versionProvider = io.exflux.samples.cli.ExfluxCommand.Version.class,
        description = "Market summary: one pair, all pairs, or live with --follow.")
public final class TickerCommand extends VenueCommand {

    @Option(names = "--pair", converter = Parsing.PairConverter.class,
            description = "Market, for example BTC_USDT (default: every market).")
    CurrencyPair pair;

    @Option(names = "--follow", description = "Keep printing ticker updates of --pair.")
    boolean follow;

    @Option(names = "--duration", converter = Parsing.DurationConverter.class,
            description = "With --follow: stop after this long (default: until Ctrl-C).")
    Duration duration;

    @Override
    public Integer call() {
        if (follow && pair == null) {
            throw usage("--follow needs --pair");
        }
        try (VenueSession session = openSession(false)) {
            if (follow) {
                BookView view = BookView.plain(session.client().venue(), pair, MarketScales.of(session.client(), pair));
                boolean interrupted = LiveRun.run(context(), session, session.client().watchTicker(pair)
                        .map(view::tickerSummary).doOnNext(context().out()::println), duration);
                return interrupted ? ExitCodes.INTERRUPTED : ExitCodes.OK;
            }
            List<Ticker> tickers = pair == null
                    ? session.client().tickers().collectList().block(Requests.TIMEOUT)
                    : List.of(session.client().ticker(pair).block(Requests.TIMEOUT));
            MarketScales markets = MarketScales.of(session.client());
            Table table = new Table("PAIR", "LAST", "BID", "ASK", "HIGH", "LOW", "VOLUME", "24H CHANGE", "TIME");
            for (Ticker t : tickers) {
                MarketScale s = markets.scale(t.pair());
                table.row(t.pair().toString(), s.price(t.last()), s.price(t.bid()), s.price(t.ask()), s.price(t.high()),
                        s.price(t.low()), s.amount(t.baseVolume()), MarketScale.percent(t.change24h()), time(t.timestamp()));
            }
            table.print(context().out());
            return ExitCodes.OK;
        }
    }
}
