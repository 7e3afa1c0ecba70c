package io.exflux.samples.cli.sim;

import java.util.List;
import java.util.Locale;

/** The venues {@code exflux sim} can run, and how each one starts. */
public final class SimServers {

    /** The venues with a simulator, as {@code --venue} spells them. */
    public static final List<String> VENUES = List.of("alp", "btc-alpha", "bitexbit", "btse");

    private SimServers() {
    }

    /** Whether this venue (any case) has a simulator. */
    public static boolean simulated(String venue) {
        return VENUES.contains(venue.trim().toLowerCase(Locale.ROOT));
    }

    /**
     * Starts the simulator of a venue of {@link #VENUES}.
     *
     * @param port the port to listen on, or 0 for any free one
     * @param seed the market generator's seed
     * @throws java.io.UncheckedIOException when {@code port} cannot be listened on
     * @throws IllegalArgumentException when the venue has no simulator
     */
    public static SimServer start(String venue, int port, long seed) {
        String id = venue.trim().toLowerCase(Locale.ROOT);
        if (id.equals("alp")) {
            return AlpSimServer.start(port, seed);
        }
        if (id.equals("btse")) {
            return BtseSimServer.start(port, seed);
        }
        if (VENUES.contains(id)) {
            return V1SimServer.start(id, port, seed);
        }
        throw new IllegalArgumentException("no simulator for " + venue);
    }
}
