package io.exflux.samples.cli;

import io.exflux.samples.cli.venue.ConnectRequest;
import io.exflux.samples.cli.venue.VenueConnector;
import io.exflux.samples.cli.venue.VenueSession;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Wraps a connector and remembers the sessions it opened, so a test can check they were closed. */
final class RecordingConnector implements VenueConnector {

    private final VenueConnector delegate;
    final List<VenueSession> sessions = new CopyOnWriteArrayList<>();

    RecordingConnector(VenueConnector delegate) {
        this.delegate = delegate;
    }

    @Override
    public String venue() {
        return delegate.venue();
    }

    @Override
    public VenueSession open(ConnectRequest request) {
        VenueSession session = delegate.open(request);
        sessions.add(session);
        return session;
    }
}
