package io.exflux.samples.cli.command;

import static io.exflux.samples.cli.render.Formats.plain;

import io.exflux.api.model.Transfer;
import io.exflux.api.model.TransferRequest;
import io.exflux.samples.cli.ExitCodes;
import io.exflux.samples.cli.venue.VenueSession;
import java.math.BigDecimal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code exflux transfer}: sends funds to another user of the venue, where the venue serves transfers. */
@Command(name = "transfer", mixinStandardHelpOptions = true, versionProvider = io.exflux.samples.cli.ExfluxCommand.Version.class,
        description = "Transfer funds to another user of the venue (venues that serve transfers: btse).")
public final class TransferCommand extends VenueCommand {

    @Option(names = "--currency", required = true, description = "Currency, e.g. BTC.")
    String currency;

    @Option(names = "--amount", required = true, description = "Amount to send.")
    BigDecimal amount;

    @Option(names = "--to", required = true, description = "The receiving user's name.")
    String recipient;

    @Option(names = "--to-email", required = true, description = "The receiving user's e-mail (the venue checks it).")
    String recipientEmail;

    @Override
    public Integer call() {
        try (VenueSession session = openSession(true)) {
            Transfer t = session.client().transfer(new TransferRequest(currency, amount, recipient, recipientEmail))
                    .block(Requests.TIMEOUT);
            context().out().println("transferred " + plain(t.amount()) + " " + t.currency() + " to " + t.recipient());
            return ExitCodes.OK;
        }
    }
}
