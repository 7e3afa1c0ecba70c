package io.exflux.samples.cli.venue;

import io.exflux.api.ExchangeClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An open connection to one venue: the unified client and whatever was started for it (the embedded
 * simulator). Closing it closes the client first, then what it depends on, once.
 */
public final class VenueSession implements AutoCloseable {

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final ExchangeClient client;
    private final String description;
    private final List<AutoCloseable> dependencies;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * @param description  one line for the user, for example "embedded ALP simulator on 127.0.0.1:40123"
     * @param dependencies closed after the client, in order (the simulator)
     */
    public VenueSession(ExchangeClient client, String description, List<AutoCloseable> dependencies) {
        this.client = client;
        this.description = description;
        this.dependencies = new ArrayList<>(dependencies);
    }

    public ExchangeClient client() {
        return client;
    }

    public String description() {
        return description;
    }

    public boolean isClosed() {
        return closed.get();
    }

    /** Closes the client and then its dependencies; safe to call twice and from a shutdown hook. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        RuntimeException failure = null;
        try {
            client.closeGracefully().block(CLOSE_TIMEOUT);
        } catch (RuntimeException e) {
            failure = e;
        }
        for (AutoCloseable dependency : dependencies) {
            try {
                dependency.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("could not close " + dependency, e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
