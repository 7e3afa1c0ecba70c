package io.exflux.reactive.internal.unified;

import io.exflux.api.error.StreamOverflowException;
import io.exflux.api.model.Fill;
import io.exflux.api.model.Trade;
import io.exflux.api.stream.ConnectionEvent;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;

/**
 * A stream of executions (public trades, the account's fills) without holes across reconnects, for venues that serve
 * the recent ones over REST.
 *
 * <p>When the socket that carries the stream drops, live messages are held back; once it is connected (resubscribed,
 * logged in) again, the venue's pages from the last message delivered before the drop are fetched, every message
 * after that one is emitted oldest first, then the held live ones. A message is delivered once (a bounded window of
 * recent keys), whether it comes twice from the venue's socket or from both a page and the socket. Where a page
 * cannot reach back to the last message delivered (it is full and its oldest message is still newer), the last one
 * lies further back than the venue's history reaches ({@link Settings#lookback()}), or the pages cannot be read, the
 * stream says so with a {@link ConnectionEvent.Gap} carrying the bounds, never silently.
 *
 * <p>Cold; each subscriber has its own window and back-fills. Backpressure: as the live stream's (the back-filled
 * messages are emitted on top of the subscriber's demand). Errors: those of the live stream, and
 * {@link StreamOverflowException} when more live messages arrive while a back-fill runs than
 * {@link Settings#maxHeld()}.
 *
 * @param <T> the message type
 */
public final class BackFilledStream<T> extends RepairedStream<T> {

    private static final Logger LOG = LoggerFactory.getLogger(BackFilledStream.class);

    /**
     * How long before a drop was reported messages may have gone missing on a socket that still looked up: a stall is
     * reported after the stall timeout (15 s by default), and the clocks of client and venue may differ.
     */
    public static final Duration SILENCE_BEFORE_DROP = Duration.ofMinutes(1);

    /** What the stream reads of a message. */
    public interface Identity<T> {
        /** What makes two messages the same one (delivered once). */
        String key(T value);

        /** The venue's id of the message, named in gap events. */
        String id(T value);

        /** When it happened. */
        Instant time(T value);

        /** An identity read by these three functions. */
        static <T> Identity<T> of(Function<T, String> key, Function<T, String> id, Function<T, Instant> time) {
            return new Identity<>() {
                @Override
                public String key(T value) {
                    return key.apply(value);
                }

                @Override
                public String id(T value) {
                    return id.apply(value);
                }

                @Override
                public Instant time(T value) {
                    return time.apply(value);
                }
            };
        }
    }

    /** Public trades: one trade id, one trade. */
    public static final Identity<Trade> TRADES = Identity.of(Trade::id, Trade::id, Trade::timestamp);

    /**
     * The account's fills: a trade id and the order filled, since a trade between two orders of one account is one
     * fill of each.
     */
    public static final Identity<Fill> FILLS = Identity.of(
            fill -> fill.orderId() == null ? fill.id() : fill.id() + " " + fill.orderId(), Fill::id, Fill::timestamp);

    /**
     * @param topic     the stream's topic, named in gap events and overflow errors
     * @param pageLimit how many messages one venue page holds at most (a full page may not reach back)
     * @param recentIds how many keys are remembered to drop duplicates (more than a page)
     * @param maxHeld   how many live messages may wait while a back-fill runs
     * @param lookback  how far back the venue's pages reach at most; {@code null} when they have no such bound
     */
    public record Settings(String topic, int pageLimit, int recentIds, int maxHeld, Duration lookback) {
        public Settings {
            Objects.requireNonNull(topic, "topic");
            if (pageLimit <= 0 || recentIds < pageLimit || maxHeld <= 0) {
                throw new IllegalArgumentException("needs pageLimit > 0, recentIds >= pageLimit, maxHeld > 0");
            }
            if (lookback != null && (lookback.isNegative() || lookback.isZero())) {
                throw new IllegalArgumentException("lookback must be positive: " + lookback);
            }
        }

        /** A page of {@code pageLimit}, twice as many remembered keys (at least 10,000), 10,000 held messages. */
        public static Settings of(String topic, int pageLimit, Duration lookback) {
            return new Settings(topic, pageLimit, Math.max(10_000, 2 * pageLimit), 10_000, lookback);
        }
    }

    private final Settings settings;
    private final Identity<T> identity;
    private final Function<Instant, Flux<List<T>>> pagesFrom;
    private final Comparator<T> order;
    private final Consumer<ConnectionEvent> notices;
    private final Supplier<Instant> clock;
    private final RecentIds delivered;
    private final ArrayDeque<T> held = new ArrayDeque<>();

    private Instant subscribedAt;
    /** The newest message delivered (by {@link #order}); {@code null} before the first. */
    private T last;
    /** While {@code true}, live messages wait in {@link #held}: the socket dropped and no back-fill finished since. */
    private boolean holding;
    /** What the back-fill must reach back to: the newest message delivered before the drop. */
    private T fillFrom;
    /** When the drop was reported. */
    private Instant droppedAt;

    private BackFilledStream(Settings settings, Identity<T> identity, Function<Instant, Flux<List<T>>> pagesFrom,
                             Comparator<T> order, Consumer<ConnectionEvent> notices, Supplier<Instant> clock) {
        this.settings = settings;
        this.identity = identity;
        this.pagesFrom = pagesFrom;
        this.order = order;
        this.notices = notices;
        this.clock = clock;
        this.delivered = new RecentIds(settings.recentIds());
    }

    /**
     * The messages of {@code live}, back-filled after every reconnect.
     *
     * @param live      the venue's live messages
     * @param events    the connection events of the socket (or endpoint) carrying {@code live}; a {@code Connected}
     *                  must mean the topic is subscribed at the venue again
     * @param pagesFrom the venue's pages of messages at or after the given instant (its newest ones when it cannot
     *                  filter by time), each page at most {@code pageLimit} long, in any order: one list per page
     * @param order     how the venue orders its messages (e.g. by time, then numeric id), oldest first
     * @param notices   where gap events go (e.g. the client's connection events)
     * @param clock     the client's clock, for the gap events, the lookback and the start of the subscription
     */
    public static <T> Flux<T> watch(Settings settings, Identity<T> identity, Flux<T> live,
                                    Flux<ConnectionEvent> events, Function<Instant, Flux<List<T>>> pagesFrom,
                                    Comparator<T> order, Consumer<ConnectionEvent> notices, Supplier<Instant> clock) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(pagesFrom, "pagesFrom");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(notices, "notices");
        Objects.requireNonNull(clock, "clock");
        return Flux.defer(() -> new BackFilledStream<>(settings, identity, pagesFrom, order, notices, clock)
                .run(live, events));
    }

    @Override
    void started() {
        subscribedAt = clock.get();
    }

    @Override
    void onLive(T value) {
        if (!holding) {
            deliver(value, true);
        } else if (held.size() < settings.maxHeld()) {
            held.add(value);
        } else {
            fail(new StreamOverflowException(settings.topic(), settings.maxHeld()));
        }
    }

    @Override
    void onEvent(ConnectionEvent event) {
        if (event instanceof ConnectionEvent.Disconnected) {
            if (!holding) {
                holding = true;
                fillFrom = last;
                droppedAt = event.at();
            } else {
                // pages asked for before this drop may end before it: the next connect asks again
                cancelRepair();
            }
        } else if (event instanceof ConnectionEvent.Connected && holding) {
            URI uri = event.uri();
            Instant from = reachableFrom(uri);
            repair(Flux.defer(() -> pagesFrom.apply(from)).collectList(), pages -> backFilled(uri, pages),
                    error -> unreadable(uri, error));
        } else if (event instanceof ConnectionEvent.Closed) {
            release();
        }
    }

    /**
     * Where the pages start: the last message delivered (the start of the subscription's second when none was), or,
     * when that lies beyond the lookback, as far back as the venue reaches. Then only a socket away (or silent, see
     * {@link #SILENCE_BEFORE_DROP}) for longer than the lookback can have lost messages the pages do not reach: that
     * part is announced as a gap.
     */
    private Instant reachableFrom(URI uri) {
        Instant from = fillFrom != null ? identity.time(fillFrom) : subscribedAt.truncatedTo(ChronoUnit.SECONDS);
        if (settings.lookback() == null) {
            return from;
        }
        Instant horizon = clock.get().minus(settings.lookback());
        if (!from.isBefore(horizon)) {
            return from;
        }
        if (droppedAt == null || droppedAt.minus(SILENCE_BEFORE_DROP).isBefore(horizon)) {
            announce(uri, null, horizon, "the venue's history reaches back " + settings.lookback() + " only");
        }
        return horizon;
    }

    private void backFilled(URI uri, List<List<T>> pages) {
        List<T> sorted = new ArrayList<>();
        for (List<T> page : pages) {
            T oldest = page.stream().min(order).orElse(null);
            if (oldest != null && page.size() >= settings.pageLimit() && isAfterFillFrom(oldest)) {
                announce(uri, identity.id(oldest), identity.time(oldest), "the venue's page of "
                        + settings.pageLimit() + " does not reach back to the last one delivered");
            }
            sorted.addAll(page);
        }
        sorted.sort(order);
        for (T value : sorted) {
            if (isAfterFillFrom(value)) {
                deliver(value, false);
            }
        }
        release();
    }

    /**
     * After the last message delivered before the drop; when none was, at or after the second the subscription
     * started (REST times may be whole seconds).
     */
    private boolean isAfterFillFrom(T value) {
        return fillFrom != null ? order.compare(value, fillFrom) > 0
                : !identity.time(value).isBefore(subscribedAt.truncatedTo(ChronoUnit.SECONDS));
    }

    private void unreadable(URI uri, Throwable error) {
        LOG.warn("back-fill of {} after reconnect failed: {}", settings.topic(), error.toString());
        T next = held.peek();
        announce(uri, next == null ? null : identity.id(next), next == null ? null : identity.time(next),
                "the venue's recent ones could not be read");
        release();
    }

    private void announce(URI uri, String toId, Instant toTime, String why) {
        LOG.warn("{}: messages between {} and {} may be missing: {}", settings.topic(),
                fillFrom == null ? "the subscription" : identity.id(fillFrom), toId == null ? toTime : toId, why);
        notices.accept(new ConnectionEvent.Gap(uri, clock.get(), settings.topic(),
                fillFrom == null ? null : identity.id(fillFrom),
                fillFrom == null ? subscribedAt : identity.time(fillFrom), toId, toTime));
    }

    /** Back to live: the held messages follow what the back-fill delivered. */
    private void release() {
        holding = false;
        fillFrom = null;
        for (T value = held.poll(); value != null; value = held.poll()) {
            deliver(value, true);
        }
    }

    private void deliver(T value, boolean fromLive) {
        if (delivered.seen(identity.key(value))) {
            if (fromLive) {
                replaceDemand();
            }
            return;
        }
        if (last == null || order.compare(value, last) > 0) {
            last = value;
        }
        emit(value);
    }
}
