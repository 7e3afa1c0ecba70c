package io.exflux.samples.cli.command;

import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.Order;
import io.exflux.samples.cli.ExitCodes;
import io.exflux.samples.cli.render.OrderTable;
import io.exflux.samples.cli.venue.VenueSession;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code exflux orders}: open orders, or recent orders in any state with {@code --all}. */
@Command(name = "orders", mixinStandardHelpOptions = true, versionProvider = io.exflux.samples.cli.ExfluxCommand.Version.class,
        description = "The account's open orders (--all: recent orders in any state).")
public final class OrdersCommand extends VenueCommand {

    @Option(names = "--pair", converter = Parsing.PairConverter.class, description = "Only this market.")
    CurrencyPair pair;

    @Option(names = "--all", description = "Recent orders in any state, not only open ones.")
    boolean all;

    @Override
    public Integer call() {
        try (VenueSession session = openSession(true)) {
            List<Order> orders = (all ? session.client().orders(pair) : session.client().openOrders(pair))
                    .collectList().block(Requests.TIMEOUT);
            OrderTable.print(orders, MarketScales.of(session.client())::scale, context().out());
            return ExitCodes.OK;
        }
    }
}
