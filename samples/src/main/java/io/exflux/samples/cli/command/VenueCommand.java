package io.exflux.samples.cli.command;

import io.exflux.samples.cli.CliContext;
import io.exflux.samples.cli.ExfluxCommand;
import io.exflux.samples.cli.venue.ConnectRequest;
import io.exflux.samples.cli.venue.CredentialSource;
import io.exflux.samples.cli.venue.VenueConnector;
import io.exflux.samples.cli.venue.VenueSession;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** The base of every subcommand: the shared options and how to open a session to the chosen venue. */
public abstract class VenueCommand implements Callable<Integer> {

    @Mixin
    VenueOptions venueOptions;

    @ParentCommand
    ExfluxCommand parent;

    @Spec
    CommandSpec spec;

    /** The injected environment: output streams, clock, venues. */
    protected CliContext context() {
        return parent.context();
    }

    /** A usage error about this command's options: one line, exit code 2, a pointer to {@code --help}. */
    protected ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    public VenueOptions venueOptions() {
        return venueOptions;
    }

    /**
     * Opens the chosen venue: the embedded simulator unless {@code --live} or {@code --url}. Private commands get a
     * funded demo account on the simulator, or the credentials from the environment or key file live.
     */
    protected VenueSession openSession(boolean privateAccess) {
        VenueConnector connector = context().venues().connector(venueOptions.venue());
        CredentialSource credentials = new CredentialSource(context().environment());
        boolean live = venueOptions.live();
        ConnectRequest request = new ConnectRequest(live, venueOptions.url(), venueOptions.wsUrl(),
                privateAccess, () -> credentials.credentials(connector.venue(), venueOptions.keyFile()));
        VenueSession session = connector.open(request);
        if (!live) {
            context().err().println("exflux: " + session.description() + " (no keys, no network; --live for the real venue)");
        }
        return session;
    }
}
