package io.exflux.samples.cli.venue;

import io.exflux.reactive.Exchanges;
import io.exflux.samples.cli.CliException;
import io.exflux.samples.cli.ExitCodes;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.LinkedHashSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The venues the CLI knows, and which of them are wired to a client yet. */
public final class VenueRegistry {

    /** Venues exflux targets but does not ship yet: asking for one says "not yet", not "unknown". */
    private static final List<String> PLANNED_VENUES = List.of("btse");

    /** Every venue exflux knows: those the library provides ({@link Exchanges#venues()}) and the planned ones. */
    public static final List<String> KNOWN_VENUES = List.copyOf(new LinkedHashSet<>(
            Stream.concat(Exchanges.venues().stream(), PLANNED_VENUES.stream()).toList()));

    private final Map<String, VenueConnector> connectors = new TreeMap<>();

    public VenueRegistry(List<VenueConnector> wired) {
        for (VenueConnector connector : wired) {
            connectors.put(connector.venue(), connector);
        }
    }

    /** The venues the CLI can talk to. */
    public List<String> wiredVenues() {
        return List.copyOf(connectors.keySet());
    }

    /**
     * The connector of {@code venue}. A known venue without a connector and an unknown name both fail
     * with one line that says which venues work.
     */
    public VenueConnector connector(String venue) {
        String id = venue == null ? "" : venue.trim().toLowerCase(Locale.ROOT);
        VenueConnector connector = connectors.get(id);
        if (connector != null) {
            return connector;
        }
        String wired = wiredVenues().isEmpty() ? "none yet" : String.join(", ", wiredVenues());
        if (KNOWN_VENUES.contains(id)) {
            throw new CliException(ExitCodes.UNSUPPORTED,
                    "venue '" + id + "' is not wired into the exflux CLI yet (wired: " + wired + ")");
        }
        throw new CliException(ExitCodes.USAGE, "unknown venue '" + venue + "' (known: "
                + KNOWN_VENUES.stream().collect(Collectors.joining(", ")) + "; wired: " + wired + ")");
    }
}
