package io.exflux.reactive.internal.unified;

import io.exflux.api.error.StreamOverflowException;
import io.exflux.api.model.Trade;
import io.exflux.api.stream.ConnectionEvent;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;

/**
 * A trade stream without holes across reconnects, for venues that serve recent trades over REST: a
 * {@link BackFilledStream} of trades whose one page is the venue's newest trades.
 *
 * <p>When the socket that carries the trades drops, live trades are held back; once it is connected
 * and resubscribed again, the venue's newest page of trades is fetched, every trade after the last one
 * delivered before the drop is emitted oldest first, then the held live trades. A trade id is delivered
 * once (a bounded window of recent ids), whether it comes twice from the venue's socket or from both
 * the page and the socket. Where the page cannot reach back to the last trade delivered (it is full and
 * its oldest trade is still newer), or the page cannot be read, the stream says so with a
 * {@link ConnectionEvent.Gap} carrying the bounds, never silently.
 *
 * <p>Cold; each subscriber has its own window and back-fills. Backpressure: as the live stream's (the
 * back-filled trades of one page are emitted on top of the subscriber's demand). Errors: those of the
 * live stream, and {@link StreamOverflowException} when more live trades arrive while a back-fill runs
 * than {@link Settings#maxHeld()}.
 */
public final class TradeGapFiller {

    /** Newer first by time, then by id as text: for venues whose ids do not order their trades. */
    public static final Comparator<Trade> BY_TIME = Comparator.comparing(Trade::timestamp).thenComparing(Trade::id);

    /**
     * Oldest first by numeric id, for venues whose ids are whole numbers (texts a {@code long} reads). The stream
     * compares every trade with the newest delivered: ids of up to 18 digits without sign or leading zero are
     * compared as text (by length, then digit by digit), without parsing both; any other id is parsed, and one that
     * is not a number fails with {@link NumberFormatException}, as parsing always did.
     */
    public static final Comparator<Trade> BY_NUMERIC_ID = (a, b) -> compareNumeric(a.id(), b.id());

    /**
     * @param topic     the trade topic, named in gap events and overflow errors
     * @param pageLimit how many trades the venue's REST page holds at most (a full page may not reach back)
     * @param recentIds how many trade ids are remembered to drop duplicates (more than a page)
     * @param maxHeld   how many live trades may wait while a back-fill runs
     */
    public record Settings(String topic, int pageLimit, int recentIds, int maxHeld) {
        public Settings {
            Objects.requireNonNull(topic, "topic");
            if (pageLimit <= 0 || recentIds < pageLimit || maxHeld <= 0) {
                throw new IllegalArgumentException("needs pageLimit > 0, recentIds >= pageLimit, maxHeld > 0");
            }
        }

        /** A page of {@code pageLimit}, twice as many remembered ids (at least 10,000), 10,000 held trades. */
        public static Settings of(String topic, int pageLimit) {
            return new Settings(topic, pageLimit, Math.max(10_000, 2 * pageLimit), 10_000);
        }

        /** The same settings for the back-filled stream: the newest page reaches back as far as it is long. */
        BackFilledStream.Settings backFill() {
            return new BackFilledStream.Settings(topic, pageLimit, recentIds, maxHeld, null);
        }
    }

    private TradeGapFiller() {
    }

    /**
     * The trades of {@code live}, back-filled after every reconnect.
     *
     * @param live       the venue's live trades of one market
     * @param events     the connection events of the socket (or endpoint) carrying {@code live}; a
     *                   {@code Connected} must mean the topic is subscribed at the venue again
     * @param newestPage the venue's newest trades of the market over REST, at most {@code pageLimit}, any order
     * @param order      how the venue orders its trades (e.g. by numeric id), oldest first
     * @param notices    where gap events go (e.g. the client's connection events)
     * @param clock      the client's clock, for the gap events and the start of the subscription
     */
    public static Flux<Trade> watch(Settings settings, Flux<Trade> live, Flux<ConnectionEvent> events,
                                    Supplier<Flux<Trade>> newestPage, Comparator<Trade> order,
                                    Consumer<ConnectionEvent> notices, Supplier<Instant> clock) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(newestPage, "newestPage");
        return BackFilledStream.watch(settings.backFill(), BackFilledStream.TRADES, live, events,
                from -> Flux.defer(newestPage).collectList().flux(), order, notices, clock);
    }

    static int compareNumeric(String a, String b) {
        if (isPlainDigits(a) && isPlainDigits(b)) {
            return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
        }
        return Long.compare(Long.parseLong(a), Long.parseLong(b));
    }

    /** 1 to 18 digits, the first not 0 (or the single digit 0): within a {@code long}, one text per number. */
    private static boolean isPlainDigits(String id) {
        int length = id.length();
        if (length == 0 || length > 18 || length > 1 && id.charAt(0) == '0') {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
