package io.exflux.samples.cli.command;

import static io.exflux.samples.cli.render.Formats.plain;
import static io.exflux.samples.cli.render.Formats.time;

import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.Ticker;
import io.exflux.samples.cli.ExitCodes;
import io.exflux.samples.cli.render.Table;
import io.exflux.samples.cli.venue.VenueSession;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code exflux ticker}: one market's summary, every market's, or a live feed of one. */
@Command(name = "ticker", description = "Market summary: one pair, all pairs, or live with --follow.")
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
                session.client().pair(pair).block(Requests.TIMEOUT);
                boolean interrupted = LiveRun.run(context(), session, session.client().watchTicker(pair)
                        .map(TickerCommand::line).doOnNext(context().out()::println), duration);
                return interrupted ? ExitCodes.INTERRUPTED : ExitCodes.OK;
            }
            List<Ticker> tickers = pair == null
                    ? session.client().tickers().collectList().block(Requests.TIMEOUT)
                    : List.of(session.client().ticker(pair).block(Requests.TIMEOUT));
            Table table = new Table("PAIR", "LAST", "BID", "ASK", "HIGH", "LOW", "VOLUME", "CHANGE", "TIME");
            for (Ticker t : tickers) {
                table.row(t.pair().toString(), plain(t.last()), plain(t.bid()), plain(t.ask()), plain(t.high()),
                        plain(t.low()), plain(t.baseVolume()), plain(t.change24h()), time(t.timestamp()));
            }
            table.print(context().out());
            return ExitCodes.OK;
        }
    }

    private static String line(Ticker t) {
        return "ticker " + time(t.timestamp()) + "  " + t.pair() + "  last " + plain(t.last()) + "  bid "
                + plain(t.bid()) + "  ask " + plain(t.ask()) + "  volume " + plain(t.baseVolume());
    }
}
