package io.exflux.samples.cli;

import io.exflux.samples.cli.venue.ConnectRequest;
import io.exflux.samples.cli.venue.VenueConnector;
import io.exflux.samples.cli.venue.VenueSession;
import java.util.List;

/** Opens sessions on one {@link FakeExchange}. */
final class FakeConnector implements VenueConnector {

    final FakeExchange exchange = new FakeExchange();

    @Override
    public String venue() {
        return "alp";
    }

    @Override
    public VenueSession open(ConnectRequest request) {
        return new VenueSession(exchange, "fake ALP venue in memory", List.of());
    }
}
