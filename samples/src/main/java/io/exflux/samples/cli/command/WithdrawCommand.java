package io.exflux.samples.cli.command;

import static io.exflux.samples.cli.render.Formats.plain;

import io.exflux.api.model.Withdrawal;
import io.exflux.api.model.WithdrawalRequest;
import io.exflux.samples.cli.ExitCodes;
import io.exflux.samples.cli.venue.VenueSession;
import java.math.BigDecimal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code exflux withdraw}: sends funds to a blockchain address, where the venue serves withdrawals. */
@Command(name = "withdraw", mixinStandardHelpOptions = true, versionProvider = io.exflux.samples.cli.ExfluxCommand.Version.class,
        description = "Withdraw funds to an address (venues that serve withdrawals: btse).")
public final class WithdrawCommand extends VenueCommand {

    @Option(names = "--currency", required = true, description = "Currency, e.g. BTC.")
    String currency;

    @Option(names = "--network", description = "Network, e.g. Bitcoin (default: the venue's first for the currency).")
    String network;

    @Option(names = "--amount", required = true, description = "Amount to withdraw.")
    BigDecimal amount;

    @Option(names = "--address", required = true, description = "Destination address.")
    String address;

    @Option(names = "--tag", description = "Destination tag or memo, where the chain has one.")
    String tag;

    @Option(names = "--fee-extra", description = "Take the fee on top of --amount instead of out of it.")
    boolean feeExtra;

    @Override
    public Integer call() {
        WithdrawalRequest request = WithdrawalRequest.of(currency, network, amount, address).withTag(tag)
                .withFeeIncluded(!feeExtra);
        try (VenueSession session = openSession(true)) {
            Withdrawal w = session.client().withdraw(request).block(Requests.TIMEOUT);
            context().out().println("withdrawal " + w.id() + ": " + plain(w.amount()) + " " + w.currency() + " to "
                    + (w.address() == null ? address : w.address()) + ", " + w.status());
            return ExitCodes.OK;
        }
    }
}
