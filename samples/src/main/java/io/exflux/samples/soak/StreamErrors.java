package io.exflux.samples.soak;

import java.util.ArrayList;
import java.util.List;

/**
 * Errors that reached a subscriber of any stream under soak (each ends that subscription), with the first few
 * named.
 */
final class StreamErrors {

    private static final int NAMED = 5;

    private final List<String> first = new ArrayList<>();
    private long count;

    /** Records an error of the named stream; called from any thread. */
    synchronized void record(String stream, Throwable error) {
        count++;
        if (first.size() < NAMED) {
            first.add(stream + ": " + error);
        }
    }

    synchronized long count() {
        return count;
    }

    /** The first errors, "stream: error" each. */
    synchronized List<String> first() {
        return List.copyOf(first);
    }
}
