package io.exflux.samples.soak;

import java.io.PrintStream;
import java.util.Optional;

/**
 * The soak: for each venue of the settings, its simulator with its market generator behind two chaos proxies
 * (REST and websocket, counted apart), a client through them for the whole duration under a seeded fault
 * schedule, and one table of what the client got against what the venue did, with a verdict
 * ({@link SoakReport}). Blocks for the duration of every venue's soak, one after the other: call it from a
 * command's or a test's thread.
 */
public final class Soak {

    private Soak() {
    }

    /**
     * Runs the soak; progress lines go to {@code progress}. A venue without a simulator fails with
     * {@link IllegalArgumentException} before anything starts.
     */
    public static SoakReport run(SoakSettings settings, PrintStream progress) throws InterruptedException {
        for (String venue : settings.venues()) {
            if (!SoakVenues.SIMULATED.contains(venue)) {
                throw new IllegalArgumentException("venue '" + venue + "' has no simulator yet (simulated: "
                        + String.join(", ", SoakVenues.SIMULATED) + ")");
            }
        }
        SoakReport report = new SoakReport("exflux soak: " + String.join(", ", settings.venues()) + ", "
                + settings.duration().toSeconds() + " s each, seed " + settings.seed() + ", strict gaps "
                + (settings.strictGaps() ? "on" : "off") + ", strict liveness "
                + (settings.strictLiveness() ? "on" : "off"));
        for (String id : settings.venues()) {
            Optional<SoakVenue> started = SoakVenues.start(id, settings.seed());
            try (SoakVenue venue = started.orElseThrow()) {
                new VenueSoak(venue, settings, progress).run(report);
            }
        }
        return report;
    }
}
