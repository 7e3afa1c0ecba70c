package io.exflux.testkit.sim;

import java.time.Duration;
import java.util.List;

/**
 * The settings of a simulated venue whose server keeps its sockets alive itself: the ping interval and timeout it
 * announces when a socket opens (ALP's welcome frame, engine.io's open packet) and then keeps to. A venue's options
 * extend it and its builder extends {@link Builder}, so these setters chain with the shared and the venue's own.
 * Immutable.
 */
public abstract class PingingVenueSettings extends VenueSettings {

    private final Duration pingInterval;
    private final Duration pingTimeout;

    protected PingingVenueSettings(Builder<?> b) {
        super(b);
        this.pingInterval = b.pingInterval;
        this.pingTimeout = b.pingTimeout;
    }

    /** The ping interval the server announces, and keeps to. */
    public Duration pingInterval() {
        return pingInterval;
    }

    /** The ping timeout the server announces: how long it waits for an answer to its ping. */
    public Duration pingTimeout() {
        return pingTimeout;
    }

    /** The builder of a pinging venue's settings; {@code B} is the venue's own builder, so setters chain. */
    public abstract static class Builder<B extends Builder<B>> extends VenueSettings.Builder<B> {
        private Duration pingInterval;
        private Duration pingTimeout;

        /** A builder with the venue's default markets and ping timing, and the other defaults. */
        protected Builder(List<MarketSpec> defaultMarkets, Duration defaultPingInterval, Duration defaultPingTimeout) {
            super(defaultMarkets);
            this.pingInterval = positive(defaultPingInterval, "pingInterval");
            this.pingTimeout = positive(defaultPingTimeout, "pingTimeout");
        }

        /** Copies the shared and the ping settings of {@code from} (for a venue's {@code mutate()}). */
        protected final B copy(PingingVenueSettings from) {
            copy((VenueSettings) from);
            this.pingInterval = from.pingInterval;
            this.pingTimeout = from.pingTimeout;
            return self();
        }

        /** The ping interval (positive). */
        public B pingInterval(Duration value) {
            this.pingInterval = positive(value, "pingInterval");
            return self();
        }

        /** The ping timeout (positive). */
        public B pingTimeout(Duration value) {
            this.pingTimeout = positive(value, "pingTimeout");
            return self();
        }
    }
}
