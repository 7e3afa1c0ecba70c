package io.exflux.samples.cli.command;

import static io.exflux.samples.cli.render.Formats.plain;

import io.exflux.api.model.Balance;
import io.exflux.samples.cli.ExitCodes;
import io.exflux.samples.cli.render.Table;
import io.exflux.samples.cli.venue.VenueSession;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code exflux balances}: the account's holdings (a funded demo account on the simulator). */
@Command(name = "balances", mixinStandardHelpOptions = true, versionProvider = io.exflux.samples.cli.ExfluxCommand.Version.class,
        description = "The account's balances: total, reserved, available.")
public final class BalancesCommand extends VenueCommand {

    @Option(names = "--all", description = "Also show currencies with a zero balance.")
    boolean all;

    @Override
    public Integer call() {
        try (VenueSession session = openSession(true)) {
            List<Balance> balances = session.client().balances().collectList().block(Requests.TIMEOUT);
            Table table = new Table("CURRENCY", "WALLET", "TOTAL", "RESERVED", "AVAILABLE");
            for (Balance b : balances) {
                if (all || b.total().signum() != 0) {
                    table.row(b.currency(), b.wallet() == null ? "-" : b.wallet(), plain(b.total()),
                            plain(b.reserved()), plain(b.available()));
                }
            }
            table.print(context().out());
            return ExitCodes.OK;
        }
    }
}
