package io.exflux.samples.cli.command;

import io.exflux.api.model.CancelResult;
import io.exflux.api.model.CurrencyPair;
import io.exflux.samples.cli.ExitCodes;
import io.exflux.samples.cli.venue.VenueSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code exflux cancel}: cancels one order by id, or every open order (of one market) with {@code --all}. */
@Command(name = "cancel", mixinStandardHelpOptions = true, versionProvider = io.exflux.samples.cli.ExfluxCommand.Version.class,
        description = "Cancel an order by --id, or every open order with --all.")
public final class CancelCommand extends VenueCommand {

    @Option(names = "--id", description = "The venue's order id.")
    String id;

    @Option(names = "--pair", converter = Parsing.PairConverter.class,
            description = "The order's market (some venues need it); with --all, only this market.")
    CurrencyPair pair;

    @Option(names = "--all", description = "Cancel every open order (of --pair, when given).")
    boolean all;

    @Override
    public Integer call() {
        if (all == (id != null)) {
            throw usage("give either --id or --all");
        }
        try (VenueSession session = openSession(true)) {
            if (all) {
                session.client().cancelAllOrders(pair).block(Requests.TIMEOUT);
                context().out().println("cancelled every open order" + (pair == null ? "" : " of " + pair));
                return ExitCodes.OK;
            }
            CancelResult result = session.client().cancelOrder(id, pair).block(Requests.TIMEOUT);
            context().out().println((result.canceled() ? "cancelled " : "not cancelled ") + result.orderId()
                    + (result.message() == null ? "" : ": " + result.message()));
            return result.canceled() ? ExitCodes.OK : ExitCodes.INVALID_REQUEST;
        }
    }
}
