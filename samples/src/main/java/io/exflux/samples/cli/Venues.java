package io.exflux.samples.cli;

import io.exflux.reactive.venue.v1.V1Dialect;
import io.exflux.samples.cli.venue.AlpConnector;
import io.exflux.samples.cli.venue.BtseConnector;
import io.exflux.samples.cli.venue.V1Connector;
import io.exflux.samples.cli.venue.VenueRegistry;
import java.util.List;

/** The venues wired into the {@code exflux} program. */
public final class Venues {

    private Venues() {
    }

    /** Every venue with a client and a simulator behind it. */
    public static VenueRegistry registry() {
        return new VenueRegistry(List.of(new AlpConnector(), new V1Connector(V1Dialect.BTC_ALPHA),
                new V1Connector(V1Dialect.BITEXBIT), new BtseConnector()));
    }
}
