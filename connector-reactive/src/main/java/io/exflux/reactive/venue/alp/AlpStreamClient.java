package io.exflux.reactive.venue.alp;

import io.exflux.api.error.AuthenticationException;
import io.exflux.api.error.ErrorContext;
import io.exflux.api.error.InvalidRequestException;
import io.exflux.api.stream.ConnectionEvent;
import io.exflux.api.stream.OverflowPolicy;
import io.exflux.reactive.ClientResources;
import io.exflux.reactive.internal.ws.StreamEndpoint;
import io.exflux.reactive.internal.ws.TypedTopics;
import io.exflux.reactive.config.StreamKind;
import io.exflux.reactive.config.StreamOptions;
import io.exflux.reactive.venue.alp.internal.AlpStreamDialect;
import io.exflux.reactive.venue.alp.model.AlpDepth;
import io.exflux.reactive.venue.alp.model.AlpDiff;
import io.exflux.reactive.venue.alp.model.AlpMessage;
import io.exflux.reactive.venue.alp.model.AlpRates;
import io.exflux.reactive.venue.alp.model.AlpTickerUpdate;
import io.exflux.reactive.venue.alp.model.AlpWsAccountTrade;
import io.exflux.reactive.venue.alp.model.AlpWsOrder;
import io.exflux.reactive.venue.alp.model.AlpWsTrade;
import io.exflux.reactive.venue.alp.model.AlpWsWallet;
import java.time.Duration;
import java.util.Collection;
import java.util.Objects;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * ALP's websocket, venue-typed: every channel of the document ({@code ticker}, {@code trade},
 * {@code diff}, {@code market_depth}, the private {@code o}, {@code w}) plus {@code rates.*} (official
 * client) and {@code ta} (passed on raw). Public topics share one pool of sockets (a new socket past 20
 * topics); the private channels have their own socket, authenticated with {@code ["auth", jwt]} on
 * every connect and again whenever the JWT is renewed. Streams are hot and shared, reconnect and
 * resubscribe on their own, and never complete while subscribed. A topic ALP refuses fails the subscribers
 * of that topic only, with an {@link InvalidRequestException}, whether the error frame names the topic or
 * answers the pending subscription; a refused authentication fails the private streams with an
 * {@link AuthenticationException}.
 */
public final class AlpStreamClient {


    /** Idle limit when the welcome announces no ping values: the live venue's 20 s + 30 s. */
    public static final Duration DEFAULT_IDLE_FALLBACK = Duration.ofSeconds(50);

    private final StreamEndpoint<AlpMessage> publicStream;
    private final StreamEndpoint<AlpMessage> privateStream;
    private final StreamOptions streamOptions;
    /** The resources this client created because the options named none; closed with it. */
    private final ClientResources ownResources;

    /**
     * Sockets on the options' {@code ClientResources} (event loops, scheduler, reconnect backoff), or on resources
     * of its own when the options name none ({@link #close()} closes those).
     *
     * @param options the endpoint and stream settings
     * @param tokens  the JWT source for the private channels, or {@code null} for public use only
     */
    public AlpStreamClient(AlpOptions options, AlpTokenProvider tokens) {
        Objects.requireNonNull(options, "options");
        this.streamOptions = options.streamOptions();
        this.ownResources = options.resources().isPresent() ? null
                : ClientResources.builder().pool(options.http()).build();
        ClientResources resources = options.resources().orElse(ownResources);
        this.publicStream = StreamEndpoint.create(options.wsUrl(),
                new AlpStreamDialect(null, DEFAULT_IDLE_FALLBACK), options.streamOptions(), resources);
        this.privateStream = tokens == null ? null : StreamEndpoint.create(options.wsUrl(),
                new AlpStreamDialect(tokens, DEFAULT_IDLE_FALLBACK), options.streamOptions(), resources);
    }

    /** {@code ticker.*}: one message per changed row. Latest wins per subscriber, across every pair: use {@link #ticker}. */
    public Flux<AlpTickerUpdate> tickers() {
        return typed(publicStream, AlpTopics.TICKERS_ALL, OverflowPolicy.bufferThenFail(4096), AlpTickerUpdate.class);
    }

    /**
     * One market's ticker rows. Keeps that market's rows of {@code ticker.*}, because the per-pair topic
     * is documented but delivered nothing in probes (see {@code docs/venues/alp.md}); the per-pair topic
     * is subscribed beside it only so that ALP's answer checks the pair: an unknown pair fails this flux
     * with {@link InvalidRequestException} instead of waiting forever. Latest wins.
     */
    public Flux<AlpTickerUpdate> ticker(String pair) {
        if (isBlank(pair)) {
            return missing("ticker needs a pair");
        }
        Flux<AlpTickerUpdate> rows = tickers().filter(update -> update.rows().get(0).symbol().equals(pair));
        Mono<AlpTickerUpdate> pairCheck = tickerTopic(pair).ignoreElements();
        return Flux.merge(rows, pairCheck).onBackpressureLatest();
    }

    /** {@code ticker.<PAIR>} as documented (the probes saw nothing on it). Latest wins. */
    public Flux<AlpTickerUpdate> tickerTopic(String pair) {
        if (isBlank(pair)) {
            return missing("tickerTopic needs a pair");
        }
        return typed(publicStream, AlpTopics.ticker(pair), kind(StreamKind.TICKER), AlpTickerUpdate.class);
    }

    /** {@code trade.*}. Bounded buffer, overflow fails the subscriber. */
    public Flux<AlpWsTrade> trades() {
        return typed(publicStream, AlpTopics.TRADES_ALL, kind(StreamKind.TRADES), AlpWsTrade.class);
    }

    /** {@code trade.<PAIR>}. Bounded buffer, overflow fails the subscriber. */
    public Flux<AlpWsTrade> trades(String pair) {
        if (isBlank(pair)) {
            return missing("trades needs a pair (trades() for every market)");
        }
        return typed(publicStream, AlpTopics.trades(pair), kind(StreamKind.TRADES), AlpWsTrade.class);
    }

    /** {@code rates.*}. */
    public Flux<AlpRates> rates() {
        return typed(publicStream, AlpTopics.RATES_ALL, OverflowPolicy.latest(), AlpRates.class);
    }

    /** {@code diff.<PAIR>}: quantity differences. Bounded buffer, overflow fails the subscriber. */
    public Flux<AlpDiff> diff(String pair) {
        if (isBlank(pair)) {
            return missing("diff needs a pair");
        }
        return typed(publicStream, AlpTopics.diff(pair), OverflowPolicy.bufferThenFail(4096), AlpDiff.class);
    }

    /** {@code market_depth.<PAIR>}: whole books of up to 20 levels. Latest wins (each replaces the last). */
    public Flux<AlpDepth> marketDepth(String pair) {
        if (isBlank(pair)) {
            return missing("marketDepth needs a pair");
        }
        return typed(publicStream, AlpTopics.marketDepth(pair), kind(StreamKind.ORDER_BOOK), AlpDepth.class);
    }

    /**
     * The account's order updates ({@code o}). Never dropped: bounded buffer, overflow fails the subscriber.
     * Fails with {@link AuthenticationException} when ALP refuses the credentials or the token.
     */
    public Flux<AlpWsOrder> orders() {
        return privateTopic(AlpTopics.ORDERS, AlpWsOrder.class);
    }

    /**
     * The account's wallet updates ({@code w}). Never dropped: bounded buffer, overflow fails the subscriber.
     * Fails with {@link AuthenticationException} when ALP refuses the credentials or the token.
     */
    public Flux<AlpWsWallet> wallets() {
        return privateTopic(AlpTopics.WALLETS, AlpWsWallet.class);
    }

    /** The account's trade updates ({@code ta}), raw: the document gives no field list. */
    public Flux<AlpWsAccountTrade> accountTrades() {
        return privateTopic(AlpTopics.ACCOUNT_TRADES, AlpWsAccountTrade.class);
    }

    /** Any topic, raw messages, with an explicit overflow policy. */
    public Flux<AlpMessage> topic(String topic, OverflowPolicy policy) {
        if (isBlank(topic) || policy == null) {
            return missing("topic needs a topic name and an overflow policy");
        }
        return typed(AlpTopics.isPrivate(topic) ? privateStream : publicStream, topic, policy, AlpMessage.class);
    }

    /** Connection state of every socket, public and private. Hot; drops on backpressure. */
    public Flux<ConnectionEvent> events() {
        return privateStream == null ? publicStream.events() : Flux.merge(publicStream.events(), privateStream.events());
    }

    /** Connection state of the public sockets only. */
    public Flux<ConnectionEvent> publicEvents() {
        return publicStream.events();
    }

    /**
     * Connection state of the public sockets carrying any of {@code topics} (and the client's close): what
     * re-seeds or back-fills those topics after a reconnect, deaf to the other sockets of the pool (one
     * closed once idle would otherwise look like a lost connection that never comes back). Hot; drops on
     * backpressure.
     */
    public Flux<ConnectionEvent> publicEvents(Collection<String> topics) {
        return publicStream.events(topics);
    }

    /** Connection state of the private socket only; empty without credentials. */
    public Flux<ConnectionEvent> privateEvents() {
        return privateStream == null ? Flux.empty() : privateStream.events();
    }

    /** Welcomes, acks and errors that name no topic. Hot, best effort. */
    public Flux<AlpMessage> controlMessages() {
        return privateStream == null ? publicStream.controlMessages()
                : Flux.merge(publicStream.controlMessages(), privateStream.controlMessages());
    }

    /** Frames that could not be read and were skipped, all sockets. */
    public long malformedFrames() {
        return publicStream.malformedFrames() + (privateStream == null ? 0 : privateStream.malformedFrames());
    }

    /** Closes every socket, then the resources this client created for itself; completes when released. */
    public Mono<Void> close() {
        Mono<Void> sockets = privateStream == null ? publicStream.close()
                : Mono.when(publicStream.close(), privateStream.close());
        return ownResources == null ? sockets : sockets.then(ownResources.shutdown());
    }

    /** The caller's overflow policy for this kind of stream ({@link io.exflux.reactive.config.StreamOptions}). */
    private OverflowPolicy kind(StreamKind kind) {
        return streamOptions.overflowPolicy(kind);
    }

    private <T extends AlpMessage> Flux<T> privateTopic(String topic, Class<T> type) {
        if (privateStream == null) {
            return Flux.error(() -> new AuthenticationException("ALP private channels need credentials: configure "
                    + "AlpOptions.credentials", ErrorContext.local("alp")));
        }
        return typed(privateStream, topic, kind(StreamKind.PRIVATE), type);
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private static <T> Flux<T> missing(String message) {
        return Flux.error(() -> new InvalidRequestException(message, ErrorContext.local("alp")));
    }

    /** The topic's messages of {@code type}; a refusal of the topic fails its subscribers (in the engine). */
    private static <T extends AlpMessage> Flux<T> typed(StreamEndpoint<AlpMessage> stream, String topic,
                                                        OverflowPolicy policy, Class<T> type) {
        return TypedTopics.of(stream, topic, policy, type, "ALP");
    }
}
