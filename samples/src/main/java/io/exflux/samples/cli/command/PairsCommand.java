package io.exflux.samples.cli.command;

import io.exflux.api.model.PairInfo;
import io.exflux.samples.cli.ExitCodes;
import io.exflux.samples.cli.render.MarketScale;
import io.exflux.samples.cli.render.Table;
import io.exflux.samples.cli.venue.VenueSession;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code exflux pairs}: every market with its precision and size limits. */
@Command(name = "pairs", mixinStandardHelpOptions = true, versionProvider = io.exflux.samples.cli.ExfluxCommand.Version.class,
        description = "List the venue's markets with precision and size limits.")
public final class PairsCommand extends VenueCommand {

    @Override
    public Integer call() {
        try (VenueSession session = openSession(false)) {
            List<PairInfo> pairs = session.client().pairs().collectList().block(Requests.TIMEOUT);
            Table table = new Table("PAIR", "SYMBOL", "PRICE DECIMALS", "AMOUNT DECIMALS", "MIN AMOUNT", "MAX AMOUNT",
                    "MIN NOTIONAL");
            for (PairInfo p : pairs) {
                MarketScale scale = MarketScale.of(p);
                table.row(p.pair().toString(), p.symbol(), String.valueOf(p.priceScale()),
                        String.valueOf(p.amountScale()), scale.amount(p.minAmount()), scale.amount(p.maxAmount()),
                        scale.price(p.minNotional()));
            }
            table.print(context().out());
            return ExitCodes.OK;
        }
    }
}
