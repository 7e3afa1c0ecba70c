package io.exflux.samples.cli.command;

import io.exflux.api.model.DepositAddress;
import io.exflux.samples.cli.ExitCodes;
import io.exflux.samples.cli.venue.VenueSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code exflux deposit-address}: the address to deposit a currency to, or a new one with {@code --new}. */
@Command(name = "deposit-address", mixinStandardHelpOptions = true,
        versionProvider = io.exflux.samples.cli.ExfluxCommand.Version.class,
        description = "Show (or with --new create) a deposit address (venues that serve them: btse).")
public final class DepositAddressCommand extends VenueCommand {

    @Option(names = "--currency", required = true, description = "Currency, e.g. BTC.")
    String currency;

    @Option(names = "--network", description = "Network, e.g. Bitcoin (default: the venue's first for the currency).")
    String network;

    @Option(names = "--new", description = "Create an address (the venue may answer with an unused one it has).")
    boolean create;

    @Override
    public Integer call() {
        try (VenueSession session = openSession(true)) {
            DepositAddress a = (create ? session.client().createDepositAddress(currency, network)
                    : session.client().fetchDepositAddress(currency, network)).block(Requests.TIMEOUT);
            if (a == null) {
                context().out().println("no deposit address for " + currency + (network == null ? "" : " on " + network)
                        + " yet (--new creates one)");
                return ExitCodes.OK;
            }
            context().out().println(a.currency() + (a.network() == null ? "" : " on " + a.network()) + ": " + a.address()
                    + (a.tag() == null || a.tag().isEmpty() ? "" : " tag " + a.tag()));
            return ExitCodes.OK;
        }
    }
}
