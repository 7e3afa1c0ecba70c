package io.exflux.samples.cli.command;

import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.Trade;
import io.exflux.samples.cli.ExitCodes;
import io.exflux.samples.cli.render.BookView;
import io.exflux.samples.cli.venue.VenueSession;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code exflux trades}: the most recent public trades, then live ones with {@code --follow}. */
@Command(name = "trades", mixinStandardHelpOptions = true, versionProvider = io.exflux.samples.cli.ExfluxCommand.Version.class,
        description = "Recent public trades; --follow keeps printing new ones.")
public final class TradesCommand extends VenueCommand {

    @Option(names = "--pair", defaultValue = "BTC_USDT", converter = Parsing.PairConverter.class,
            description = "Market (default: ${DEFAULT-VALUE}).")
    CurrencyPair pair;

    @Option(names = "--limit", defaultValue = "20", description = "How many recent trades (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--follow", description = "After the recent trades, print each new trade as it happens.")
    boolean follow;

    @Option(names = "--duration", converter = Parsing.DurationConverter.class,
            description = "With --follow: stop after this long (default: until Ctrl-C).")
    Duration duration;

    @Override
    public Integer call() {
        try (VenueSession session = openSession(false)) {
            BookView view = BookView.plain(session.client().venue(), pair, MarketScales.of(session.client(), pair));
            List<Trade> recent = session.client().trades(pair, limit).collectList().block(Requests.TIMEOUT);
            for (Trade trade : recent) {
                context().out().println(view.tradeSummary(trade));
            }
            context().out().flush();
            if (!follow) {
                return ExitCodes.OK;
            }
            boolean interrupted = LiveRun.run(context(), session, session.client().watchTrades(pair)
                    .map(view::tradeSummary).doOnNext(context().out()::println), duration);
            return interrupted ? ExitCodes.INTERRUPTED : ExitCodes.OK;
        }
    }
}
