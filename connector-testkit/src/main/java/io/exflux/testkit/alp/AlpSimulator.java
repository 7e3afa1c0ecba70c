package io.exflux.testkit.alp;

import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.OrderBook;
import io.exflux.testkit.sim.ApiKeys;
import io.exflux.testkit.sim.SimBalance;
import io.exflux.testkit.sim.SimTrade;
import io.exflux.testkit.sim.SimulatedVenue;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * An embedded ALP.COM (API v3) venue on loopback: REST under {@code /api/v3} and the websocket at
 * {@code /ws}, as the docs and the wire facts describe them, backed by the matching engine of
 * {@link io.exflux.testkit.sim.VenueSimulator} and, by default, a market generator that keeps the books and the trade tape
 * moving. One line in a test:
 *
 * <pre>{@code
 * try (AlpSimulator alp = AlpSimulator.start()) {
 *     AlpAccount account = alp.createAccount(Map.of("USDT", new BigDecimal("100000")));
 *     // point the client at alp.restBaseUrl() and alp.websocketUrl(), log in with account.credentials()
 * }
 * }</pre>
 *
 * <p>{@link #start()} and {@link #close()} bind and release the socket and wait for it: call them from a
 * test thread. Everything else returns at once.
 *
 * <p>It answers as the venue's document says; where the live venue drifts from it, the drift is an
 * option of {@link AlpSimulatorOptions}, off by default. Choices where the sources disagree or are silent
 * (see {@code docs/venues/alp.md}):
 * <ul>
 * <li>a missing or wrong {@code X-SIGN} on {@code POST}/{@code DELETE /trading/order} is 403
 *     {@code {"code":"FORBIDDEN","message":"Missing signature or insufficient permissions"}}; {@code POST /auth}
 *     needs none; a missing, bad or expired JWT is 401 {@code UNAUTHORIZED}; an unknown API key is 401
 *     (404 as an option); an unknown path is 404 with or without a token, a known path with another method
 *     405, an {@code Accept} without JSON 406, a body over 1 MiB 413;</li>
 * <li>order bodies take amounts and prices as strings or numbers, sides BUY/SELL/BID/ASK, both spellings of
 *     the margin wallets, an optional {@code tif} (GTC, IOC, FOK; AON runs as FOK and is reported as AON)
 *     and ignore {@code side_effect} and {@code expire_after}; {@code open_only} takes {@code true} or
 *     {@code 1}; a pair filter the venue does not list is 400 on private lists as on public ones; a market
 *     order takes {@code base_amount} or {@code quote_amount} on either side (the docs require quote for
 *     buys, the official client sends base);</li>
 * <li>errors: {@code "1003"} for amounts, {@code INSUFFICIENT_FUNDS}, {@code BAD_REQUEST} for the rest (400),
 *     {@code NOT_FOUND} (404), {@code TOO_MANY_REQUESTS} (429, {@code Retry-After: 1});</li>
 * <li>websocket timestamps are integer seconds; {@code ["auth", jwt]} has no acknowledgement (none is
 *     documented), a bad token gets {@code ["error", ts, "Invalid token", "auth"]}; a refused topic gets
 *     {@code ["error", ts, "Topic does not exist"]}; a text {@code 1} is answered {@code 2}; a non-array frame
 *     or {@code []} drop the socket; a frame over 64 KiB closes it with 1009;</li>
 * <li>{@code ticker.<PAIR>} and {@code diff.<PAIR>} deliver, as documented (the live venue delivered nothing
 *     on them); a {@code d} frame carries one level's size difference; {@code p} frames are whole books
 *     of at most 20 levels, sent at most once per depth interval when the book changed;
 *     {@code rates.<PAIR>} is accepted and silent, {@code rates.*} gets {@code r} frames;</li>
 * <li>{@code /charts} pages hold the newest {@code limit} (at most 500) candles of the range; with
 *     {@link AlpSimulatorOptions.Builder#candleHistory} they reach back over seeded past candles.</li>
 * </ul>
 * Not simulated: deposits, withdrawals, margin, sub-accounts, the {@code ta} channel, order expiry.
 */
public final class AlpSimulator extends SimulatedVenue {

    private final AlpSimulatorOptions options;
    private final AlpJwt jwt;
    private final AlpStreams streams;
    private volatile Duration jwtLifetime;

    private AlpSimulator(AlpSimulatorOptions options) {
        super(options, AlpWire.ERRORS);
        this.options = options;
        this.jwtLifetime = options.jwtLifetime();
        this.jwt = new AlpJwt(AlpWire.MAPPER, options.clock());
        AlpRest rest = new AlpRest(new AlpRest.Venue(simulator(), apiKeys(), jwt, activity(), () -> jwtLifetime,
                options, this::candles));
        serveRest(rest.routes());
        this.streams = new AlpStreams(simulator(), options, jwt);
        streams.start();
        serveWebsocket("/ws", streams::run);
        serveWebsocket("/alp-ws", streams::run);
        startGenerator();
    }

    /** Starts a simulator with the defaults (BTC_USDT and ETH_USDT, generator on). */
    public static AlpSimulator start() {
        return start(AlpSimulatorOptions.defaults());
    }

    /** Starts a simulator with these options on 127.0.0.1 and an ephemeral port. */
    public static AlpSimulator start(AlpSimulatorOptions options) {
        return new AlpSimulator(Objects.requireNonNull(options, "options"));
    }

    /** {@code http://127.0.0.1:<port>/api/v3}, no trailing slash. */
    public String restBaseUrl() {
        return server().baseUrl() + AlpRest.PREFIX;
    }

    /** {@code ws://127.0.0.1:<port>/ws}. */
    public String websocketUrl() {
        return server().wsUrl("/ws");
    }

    /** The options it was started with. */
    public AlpSimulatorOptions options() {
        return options;
    }

    /** An account with nothing in it. */
    public AlpAccount createAccount() {
        return createAccount(Map.of());
    }

    /**
     * Opens an account funded with these SPOT balances (currency code to amount) and returns its API key
     * and secret. Returns at once; the account exists for every request made after this call.
     */
    public AlpAccount createAccount(Map<String, BigDecimal> spotBalances) {
        ApiKeys.ApiKey key = openAccount(spotBalances);
        return new AlpAccount(key.accountId(), key.key(), key.secret());
    }

    /** Adds (or, negative, removes) funds of a wallet of an account. */
    public Mono<SimBalance> deposit(AlpAccount account, String wallet, String currency, BigDecimal amount) {
        return simulator().deposit(account.id(), wallet, currency, amount);
    }

    /** A valid JWT for this account, as {@code POST /api/v3/auth} would issue it now. */
    public String issueToken(AlpAccount account) {
        return jwt.issue(account.id(), jwtLifetime);
    }

    /** The lifetime of JWTs issued from now on. */
    public Duration jwtLifetime() {
        return jwtLifetime;
    }

    /** Changes the lifetime of JWTs issued from now on (at least one second: {@code exp} is in seconds). */
    public AlpSimulator jwtLifetime(Duration lifetime) {
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("lifetime must be positive");
        }
        this.jwtLifetime = lifetime;
        return this;
    }

    /** Changes the REST budget (requests per second, all clients together) before 429. */
    public AlpSimulator requestsPerSecond(int limit) {
        budget().limit(limit);
        return this;
    }

    /** The book of a pair ({@code BTC_USDT}), best levels first, at most {@code depth} a side. */
    public OrderBook book(String pair, int depth) {
        return simulator().book(pair(pair), depth);
    }

    /** The book of a pair, best levels first, at most {@code depth} a side. */
    public OrderBook book(CurrencyPair pair, int depth) {
        return simulator().book(pair, depth);
    }

    /** Every trade so far, oldest first. */
    public List<SimTrade> trades() {
        return simulator().trades();
    }

    /** The trades of one pair ({@code BTC_USDT}), oldest first. */
    public List<SimTrade> trades(String pair) {
        return simulator().trades(pair(pair));
    }

    /** Websocket sessions open now. */
    public int openWebsockets() {
        return streams.sessionCount();
    }

    @Override
    protected void stopFront() {
        streams.stop();
    }

    @Override
    public String toString() {
        return "AlpSimulator[" + restBaseUrl() + "]";
    }

    private static CurrencyPair pair(String name) {
        CurrencyPair parsed = AlpWire.pair(name);
        if (parsed == null) {
            throw new IllegalArgumentException("not an ALP pair name: " + name);
        }
        return parsed;
    }
}
