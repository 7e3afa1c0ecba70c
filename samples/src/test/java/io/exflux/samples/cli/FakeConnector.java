package io.exflux.samples.cli;

import io.exflux.samples.cli.venue.ConnectRequest;
import io.exflux.samples.cli.venue.VenueConnector;
import io.exflux.samples.cli.venue.VenueSession;
import java.util.ArrayList;
import java.util.List;

/** Opens sessions on {@link FakeExchange}s and remembers them, so tests can check they were closed. */
final class FakeConnector implements VenueConnector {

    final List<VenueSession> sessions = new ArrayList<>();
    final List<ConnectRequest> requests = new ArrayList<>();
    final FakeExchange exchange = new FakeExchange();

    @Override
    public String venue() {
        return "alp";
    }

    @Override
    public synchronized VenueSession open(ConnectRequest request) {
        requests.add(request);
        if (request.live() && request.privateAccess()) {
            request.credentials().get();
        }
        VenueSession session = new VenueSession(exchange, "fake ALP venue in memory", List.of());
        sessions.add(session);
        return session;
    }
}
