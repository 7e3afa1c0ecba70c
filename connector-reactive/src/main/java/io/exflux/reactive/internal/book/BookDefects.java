package io.exflux.reactive.internal.book;

import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;

/**
 * Counts one book's bad updates by kind and logs the first of each kind, then each time its count doubles, with
 * the count and the latest detail: a flood of bad frames never floods the log, and none passes unseen. Not
 * thread-safe: one per book stream, called from its serialised input.
 */
final class BookDefects {

    /** What was wrong with an update. */
    enum Kind {
        /** An update the engine refused outright (another market's, say); the book went on without it. */
        NOT_APPLIED("updates not applied"),
        /** An update with a value the book cannot hold (a negative amount, too many decimals); the book resynced. */
        MALFORMED("malformed updates, each followed by a resync");

        private final String text;

        Kind(String text) {
            this.text = text;
        }
    }

    private final Logger log;
    private final Object book;
    private final Map<Kind, long[]> counts = new EnumMap<>(Kind.class);

    BookDefects(Logger log, Object book) {
        this.log = log;
        this.book = book;
    }

    /** Counts one more of {@code kind}; logs when it is the first, or the count is a power of two. */
    void record(Kind kind, String detail) {
        long count = ++counts.computeIfAbsent(kind, k -> new long[1])[0];
        if ((count & (count - 1)) == 0) {
            log.warn("{} book: {} {} so far{}; latest: {}", book, count, kind.text,
                    count == 1 ? " (further ones are logged as the count doubles)" : "", detail);
        }
    }

    /** How many of {@code kind} were counted. */
    long count(Kind kind) {
        long[] count = counts.get(kind);
        return count == null ? 0 : count[0];
    }
}
