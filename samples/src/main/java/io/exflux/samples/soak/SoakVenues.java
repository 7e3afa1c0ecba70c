package io.exflux.samples.soak;

import io.exflux.testkit.v1.V1Dialect;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The venues with a simulator to soak; a venue's simulator joins by adding a case here. */
public final class SoakVenues {

    /** Venue ids with a simulator, in the order a soak of every venue runs them. */
    public static final List<String> SIMULATED = List.of("alp", "btc-alpha", "bitexbit", "btse");

    private SoakVenues() {
    }

    /** Starts the simulator of the venue (its generator seeded), or empty when the venue has none yet. */
    public static Optional<SoakVenue> start(String venue, long seed) {
        return switch (venue.trim().toLowerCase(Locale.ROOT)) {
            case "alp" -> Optional.of(AlpSoakVenue.start(seed));
            case "btc-alpha" -> Optional.of(V1SoakVenue.start(V1Dialect.BTC_ALPHA, seed));
            case "bitexbit" -> Optional.of(V1SoakVenue.start(V1Dialect.BITEXBIT, seed));
            case "btse" -> Optional.of(BtseSoakVenue.start(seed));
            default -> Optional.empty();
        };
    }
}
