package io.exflux.reactive.venue.btse;

import io.exflux.api.error.AuthenticationException;
import io.exflux.api.error.ErrorContext;
import io.exflux.api.error.InvalidRequestException;
import io.exflux.api.stream.ConnectionEvent;
import io.exflux.api.stream.OverflowPolicy;
import io.exflux.reactive.ClientResources;
import io.exflux.reactive.config.StreamKind;
import io.exflux.reactive.config.StreamOptions;
import io.exflux.reactive.internal.resources.OwnedResources;
import io.exflux.reactive.internal.resources.SharedResources;
import io.exflux.reactive.internal.ws.StreamEndpoint;
import io.exflux.reactive.internal.ws.TypedTopics;
import io.exflux.reactive.venue.btse.internal.BtseStreamDialect;
import io.exflux.reactive.venue.btse.internal.BtseWsTopics;
import io.exflux.reactive.venue.btse.model.BtseWsBook;
import io.exflux.reactive.venue.btse.model.BtseWsFill;
import io.exflux.reactive.venue.btse.model.BtseWsL1;
import io.exflux.reactive.venue.btse.model.BtseWsMessage;
import io.exflux.reactive.venue.btse.model.BtseWsOrder;
import io.exflux.reactive.venue.btse.model.BtseWsTrade;
import java.time.Duration;
import java.util.Collection;
import java.util.Objects;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * BTSE's two websocket hosts as one client, venue-typed. Order books ({@code update:<SYMBOL>_<grouping>},
 * {@code snapshotL1:<SYMBOL>}) on the order-book host; trades ({@code tradeHistoryApi:<SYMBOL>}) on the main
 * host; the account's orders ({@code notificationApiV2}) and fills ({@code fills}) on a connection of their own to
 * the main host, logged in with {@code authKeyExpires} on every connect (so a refused login fails only the private
 * streams). Every connection sends a text {@code ping} every {@link BtseOptions#pingInterval()} and is dropped and
 * reconnected when the {@code pong} does not follow within the stream options' stall timeout; past 100 topics
 * another connection to the same host is opened.
 *
 * <p>Streams are hot and shared, reconnect and resubscribe on their own, and never complete while subscribed. A
 * topic BTSE refuses (error frame, e.g. {@code 1000} market pair not supported) fails the subscribers of that
 * topic with an {@link InvalidRequestException} naming the code; a refused login fails the private streams with an
 * {@link AuthenticationException}. The book frames are raw: sequence checks and resyncs (by subscribing again,
 * {@link #resubscribeBook}) are the book keeper's job, as in {@code BtseExchangeClient.watchOrderBook}. See
 * {@code docs/venues/btse-streams.md}.
 */
public final class BtseStreamClient {

    private static final String VENUE = "btse";

    private final StreamEndpoint<BtseWsMessage> bookStream;
    private final StreamEndpoint<BtseWsMessage> mainStream;
    private final StreamEndpoint<BtseWsMessage> privateStream;
    private final StreamOptions streamOptions;
    private final OwnedResources resources;

    /**
     * Sockets on the options' {@code ClientResources}, or on resources of its own when they name none
     * ({@link #close()} closes those). Nothing connects before the first subscription.
     */
    public BtseStreamClient(BtseOptions options) {
        Objects.requireNonNull(options, "options");
        this.resources = OwnedResources.of(options);
        this.streamOptions = options.streamOptions();
        ClientResources shared = resources.resources();
        Duration pongTimeout = streamOptions.stallTimeout().isZero() ? options.pingInterval()
                : streamOptions.stallTimeout();
        int maxTopics = options.maxTopicsPerConnection();
        BtseStreamDialect publicDialect = new BtseStreamDialect(null, null, options.pingInterval(), pongTimeout,
                maxTopics);
        this.bookStream = StreamEndpoint.create(options.orderBookWsUrl(), publicDialect, streamOptions, shared);
        this.mainStream = StreamEndpoint.create(options.wsUrl(), publicDialect, streamOptions, shared);
        this.privateStream = options.credentials() == null ? null : StreamEndpoint.create(options.wsUrl(),
                new BtseStreamDialect(options.credentials(),
                        SharedResources.of(shared).nonceSource(VENUE, options.credentials().apiKey()),
                        options.pingInterval(), pongTimeout, maxTopics),
                streamOptions, shared);
    }

    /**
     * {@code update:<SYMBOL>_<grouping>}: a snapshot, then deltas with {@code seqNum}/{@code prevSeqNum}, raw.
     * Frames are routed by {@code data.symbol}, whatever topic spelling they carry. Bounded buffer; an overflow
     * fails the subscriber with {@code StreamOverflowException} (a book keeper resubscribes).
     *
     * @param grouping 0 (none) to 8
     */
    public Flux<BtseWsBook> book(String symbol, int grouping) {
        if (isBlank(symbol) || grouping < 0 || grouping > BtseWsTopics.MAX_GROUPING) {
            return invalid("book needs a symbol and a grouping from 0 to " + BtseWsTopics.MAX_GROUPING);
        }
        return typed(bookStream, BtseWsTopics.book(symbol, grouping), OverflowPolicy.bufferThenFail(
                streamOptions.overflowPolicy(StreamKind.BOOK_UPDATES).capacity()), BtseWsBook.class);
    }

    /**
     * Unsubscribes and subscribes {@code update:<SYMBOL>_<grouping>} again, as BTSE asks after a sequence gap or
     * a crossed book: a fresh snapshot follows on the same stream. Completes when both frames are written (at
     * once while the socket reconnects, which resubscribes anyway); errors with {@link InvalidRequestException}
     * when nobody watches that book.
     */
    public Mono<Void> resubscribeBook(String symbol, int grouping) {
        if (isBlank(symbol)) {
            return Mono.error(() -> new InvalidRequestException("resubscribeBook needs a symbol",
                    ErrorContext.local(VENUE)));
        }
        return bookStream.resubscribe(BtseWsTopics.book(symbol, grouping));
    }

    /** {@code snapshotL1:<SYMBOL>}: best bid and ask. Latest wins. */
    public Flux<BtseWsL1> l1(String symbol) {
        if (isBlank(symbol)) {
            return invalid("l1 needs a symbol");
        }
        return typed(bookStream, BtseWsTopics.l1(symbol), kind(StreamKind.TICKER), BtseWsL1.class);
    }

    /**
     * {@code snapshotL1:<SYMBOL>_<grouping>}, the 2023 document's spelling, which BTSE refuses since 2025-01 (an
     * error frame: the flux fails with {@link InvalidRequestException}). Latest wins.
     */
    public Flux<BtseWsL1> l1(String symbol, int grouping) {
        if (isBlank(symbol) || grouping < 0 || grouping > BtseWsTopics.MAX_GROUPING) {
            return invalid("l1 needs a symbol and a grouping from 0 to " + BtseWsTopics.MAX_GROUPING);
        }
        return typed(bookStream, BtseWsTopics.l1(symbol, grouping), kind(StreamKind.TICKER), BtseWsL1.class);
    }

    /** {@code tradeHistoryApi:<SYMBOL>}, one message per trade. Bounded buffer, overflow fails the subscriber. */
    public Flux<BtseWsTrade> trades(String symbol) {
        if (isBlank(symbol)) {
            return invalid("trades needs a symbol");
        }
        return typed(mainStream, BtseWsTopics.trades(symbol), kind(StreamKind.TRADES), BtseWsTrade.class);
    }

    /**
     * {@code notificationApiV2}: the account's order updates. Never dropped: bounded buffer, overflow fails the
     * subscriber. Fails with {@link AuthenticationException} without credentials or when BTSE refuses the login.
     */
    public Flux<BtseWsOrder> orders() {
        return privateTopic(BtseWsTopics.ORDERS, BtseWsOrder.class);
    }

    /** {@code fills}: the account's executions. As {@link #orders()}. */
    public Flux<BtseWsFill> fills() {
        return privateTopic(BtseWsTopics.FILLS, BtseWsFill.class);
    }

    /**
     * Any topic, raw messages, with an explicit overflow policy: book topics on the order-book host, the private
     * ones on the logged-in connection, the rest on the main host.
     */
    public Flux<BtseWsMessage> topic(String topic, OverflowPolicy policy) {
        if (isBlank(topic) || policy == null) {
            return invalid("topic needs a topic name and an overflow policy");
        }
        if (BtseWsTopics.isPrivate(topic)) {
            return privateTopic(topic, BtseWsMessage.class);
        }
        return typed(BtseWsTopics.isOrderBookHost(topic) ? bookStream : mainStream, topic, policy,
                BtseWsMessage.class);
    }

    /** Connection state of every socket of both hosts. Hot; drops on backpressure. */
    public Flux<ConnectionEvent> events() {
        return privateStream == null ? Flux.merge(bookStream.events(), mainStream.events())
                : Flux.merge(bookStream.events(), mainStream.events(), privateStream.events());
    }

    /** Connection state of the order-book host's sockets. */
    public Flux<ConnectionEvent> bookEvents() {
        return bookStream.events();
    }

    /**
     * Connection state of the order-book host's sockets carrying any of {@code topics} (and the client's close):
     * what re-seeds a book listens to, deaf to the host's other sockets (past 100 topics there are several; one
     * closed once idle would otherwise look like a lost connection that never comes back). Hot; drops on
     * backpressure.
     */
    public Flux<ConnectionEvent> bookEvents(Collection<String> topics) {
        return bookStream.events(topics);
    }

    /** Connection state of the main host's public sockets (trades). */
    public Flux<ConnectionEvent> mainEvents() {
        return mainStream.events();
    }

    /**
     * Connection state of the main host's public sockets carrying any of {@code topics} (and the client's close):
     * what back-fills a trade stream listens to. As {@link #bookEvents(Collection)}.
     */
    public Flux<ConnectionEvent> mainEvents(Collection<String> topics) {
        return mainStream.events(topics);
    }

    /** Connection state of the logged-in socket; empty without credentials. */
    public Flux<ConnectionEvent> privateEvents() {
        return privateStream == null ? Flux.empty() : privateStream.events();
    }

    /** Acks, login answers, error frames and unknown frames of every socket. Hot, best effort. */
    public Flux<BtseWsMessage> controlMessages() {
        return privateStream == null ? Flux.merge(bookStream.controlMessages(), mainStream.controlMessages())
                : Flux.merge(bookStream.controlMessages(), mainStream.controlMessages(),
                        privateStream.controlMessages());
    }

    /** Frames that could not be read and were skipped, all sockets. */
    public long malformedFrames() {
        return bookStream.malformedFrames() + mainStream.malformedFrames()
                + (privateStream == null ? 0 : privateStream.malformedFrames());
    }

    /** Sockets open or reconnecting on the order-book host (one per 100 topics). */
    public int bookSocketCount() {
        return bookStream.socketCount();
    }

    /** Sockets open or reconnecting on the main host, public and logged-in. */
    public int mainSocketCount() {
        return mainStream.socketCount() + (privateStream == null ? 0 : privateStream.socketCount());
    }

    /** Closes every socket, then the resources this client created for itself; completes when released. */
    public Mono<Void> close() {
        Mono<Void> sockets = privateStream == null ? Mono.when(bookStream.close(), mainStream.close())
                : Mono.when(bookStream.close(), mainStream.close(), privateStream.close());
        return sockets.then(resources.close());
    }

    private OverflowPolicy kind(StreamKind kind) {
        return streamOptions.overflowPolicy(kind);
    }

    private <T extends BtseWsMessage> Flux<T> privateTopic(String topic, Class<T> type) {
        if (privateStream == null) {
            return Flux.error(() -> new AuthenticationException("BTSE private streams need credentials: configure "
                    + "BtseOptions.credentials", ErrorContext.local(VENUE)));
        }
        return typed(privateStream, topic, kind(StreamKind.PRIVATE), type);
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private static <T> Flux<T> invalid(String message) {
        return Flux.error(() -> new InvalidRequestException(message, ErrorContext.local(VENUE)));
    }

    /** The topic's messages of {@code type}; a refusal of the topic fails its subscribers (in the engine). */
    private static <T extends BtseWsMessage> Flux<T> typed(StreamEndpoint<BtseWsMessage> stream, String topic,
                                                  OverflowPolicy policy, Class<T> type) {
        return TypedTopics.of(stream, topic, policy, type, VENUE);
    }
}
