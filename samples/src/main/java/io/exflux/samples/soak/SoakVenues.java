package io.exflux.samples.soak;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The venues with a simulator to soak; a venue's simulator joins by adding a case here. */
public final class SoakVenues {

    /** Venue ids with a simulator, in the order a soak of every venue runs them. */
    public static final List<String> SIMULATED = List.of("alp");

    private SoakVenues() {
    }

    /** Starts the simulator of the venue (its generator seeded), or empty when the venue has none yet. */
    public static Optional<SoakVenue> start(String venue, long seed) {
        return switch (venue.trim().toLowerCase(Locale.ROOT)) {
            case "alp" -> Optional.of(new AlpSoakVenue(seed));
            default -> Optional.empty();
        };
    }
}
