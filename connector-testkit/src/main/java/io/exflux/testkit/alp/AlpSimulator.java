package io.exflux.testkit.alp;

import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.OrderBook;
import io.exflux.testkit.server.FakeVenueServer;
import io.exflux.testkit.sim.MarketGenerator;
import io.exflux.testkit.sim.SimBalance;
import io.exflux.testkit.sim.SimOrderRequest;
import io.exflux.testkit.sim.SimTrade;
import io.exflux.testkit.sim.VenueSimulator;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * An embedded ALP.COM (API v3) venue on loopback: REST under {@code /api/v3} and the websocket at
 * {@code /ws}, as the docs and the wire facts describe them, backed by the matching engine of
 * {@link VenueSimulator} and, by default, a market generator that keeps the books and the trade tape
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
 * <p>Wire choices where the sources disagree or are silent (see protocols/alp-v3.md and inconsistency 6.3):
 * <ul>
 * <li>a missing or wrong {@code X-SIGN} on {@code POST}/{@code DELETE /trading/order} is 403
 *     {@code {"code":"FORBIDDEN","message":"Missing signature or insufficient permissions"}}; {@code POST /auth}
 *     needs none; a missing, bad or expired JWT is 401 {@code UNAUTHORIZED}; an unknown path is 401 without a
 *     valid token (like the live venue) and 404 with one;</li>
 * <li>order bodies take amounts and prices as strings or numbers, sides BUY/SELL/BID/ASK, both spellings of
 *     the margin wallets, an optional {@code tif} (GTC, IOC, FOK; AON as FOK) and ignore {@code side_effect}
 *     and {@code expire_after}; a market order takes {@code base_amount} or {@code quote_amount} on either
 *     side (the docs require quote for buys, the official client sends base);</li>
 * <li>errors: {@code "1003"} for amounts, {@code INSUFFICIENT_FUNDS}, {@code BAD_REQUEST} for the rest (400),
 *     {@code NOT_FOUND} (404), {@code TOO_MANY_REQUESTS} (429, {@code Retry-After: 1});</li>
 * <li>websocket timestamps are integer seconds; {@code ["auth", jwt]} has no acknowledgement (none is
 *     documented), a bad token gets {@code ["error", ts, "Invalid token", "auth"]}; a text {@code 1}/{@code 2}
 *     (unless the text keepalive is on), a non-array frame or {@code []} drop the socket, a frame over 800
 *     bytes closes it with 1009, as the probe saw;</li>
 * <li>{@code ticker.<PAIR>} and {@code diff.<PAIR>} deliver, as documented (the live venue delivered nothing
 *     on them); a {@code d} frame carries one level's size difference; {@code p} frames are whole books
 *     of at most 20 levels, sent at most once per depth interval when the book changed;
 *     {@code rates.<PAIR>} is accepted and silent, {@code rates.*} gets {@code r} frames.</li>
 * </ul>
 * Not simulated: deposits, withdrawals, margin, sub-accounts, the {@code ta} channel, order expiry.
 */
public final class AlpSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlpSimulator.class);

    private final AlpSimulatorOptions options;
    private final VenueSimulator sim;
    private final MarketGenerator generator;
    private final FakeVenueServer server;
    private final AlpAccounts accounts = new AlpAccounts();
    private final AlpJwt jwt;
    private final AlpFaults faults;
    private final AlpStreams streams;
    private final RequestBudget budget;
    private final Disposable activityFeed;
    private volatile Duration jwtLifetime;

    private AlpSimulator(AlpSimulatorOptions options) {
        this.options = options;
        this.jwtLifetime = options.jwtLifetime();
        this.sim = VenueSimulator.builder().markets(options.markets()).clock(options.clock()).build();
        this.generator = new MarketGenerator(sim, options.generator(), options.timer());
        this.jwt = new AlpJwt(AlpWire.MAPPER, options.clock());
        ActivityLog activity = new ActivityLog();
        this.activityFeed = sim.balanceUpdates().subscribe(activity::record,
                error -> LOG.error("activity log stopped", error));
        this.budget = new RequestBudget(options.clock(), options.requestsPerSecond());
        this.server = FakeVenueServer.start(options.clock());
        this.faults = new AlpFaults(server);
        AlpRest rest = new AlpRest(sim, accounts, jwt, activity, budget, faults, () -> jwtLifetime);
        for (String method : List.of("GET", "POST", "DELETE", "PUT", "PATCH")) {
            server.route(method, "/api/v3/*").respondAsync(rest::handle);
        }
        this.streams = new AlpStreams(sim, options, jwt);
        streams.start();
        server.websocket("/ws", streams::run);
        server.websocket("/alp-ws", streams::run);
        if (options.generatorEnabled()) {
            generator.prepare().subscribe(ignored -> { }, error -> LOG.error("generator could not prepare", error));
            generator.start();
        }
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
        return server.baseUrl() + "/api/v3";
    }

    /** {@code ws://127.0.0.1:<port>/ws}. */
    public String websocketUrl() {
        return server.wsUrl("/ws");
    }

    /** The port. */
    public int port() {
        return server.port();
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
        Map<String, BigDecimal> funding = Map.copyOf(spotBalances);
        long id = sim.allocateAccountId();
        AlpAccount account = accounts.register(id);
        sim.submit(ex -> {
            ex.createAccount(id);
            funding.forEach((currency, amount) -> ex.deposit(id, SimOrderRequest.DEFAULT_WALLET, currency, amount));
        });
        return account;
    }

    /** Adds (or, negative, removes) funds of a wallet of an account. */
    public Mono<SimBalance> deposit(AlpAccount account, String wallet, String currency, BigDecimal amount) {
        return sim.deposit(account.id(), wallet, currency, amount);
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
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive");
        }
        budget.limit(limit);
        return this;
    }

    /** The book of a pair ({@code BTC_USDT}), best levels first, at most {@code depth} a side. */
    public OrderBook book(String pair, int depth) {
        CurrencyPair parsed = AlpWire.pair(pair);
        if (parsed == null) {
            throw new IllegalArgumentException("not an ALP pair name: " + pair);
        }
        return sim.book(parsed, depth);
    }

    /** The book of a pair, best levels first, at most {@code depth} a side. */
    public OrderBook book(CurrencyPair pair, int depth) {
        return sim.book(pair, depth);
    }

    /** Every trade so far, oldest first. */
    public List<SimTrade> trades() {
        return sim.trades();
    }

    /** The trades of one pair ({@code BTC_USDT}), oldest first. */
    public List<SimTrade> trades(String pair) {
        CurrencyPair parsed = AlpWire.pair(pair);
        if (parsed == null) {
            throw new IllegalArgumentException("not an ALP pair name: " + pair);
        }
        return sim.trades(parsed);
    }

    /** Kills every open websocket at once (TCP reset, no close frame): a forced disconnect. */
    public void dropAllWebsockets() {
        faults.dropWebsockets();
    }

    /** Websocket sessions open now. */
    public int openWebsockets() {
        return streams.sessionCount();
    }

    /** The market generator: {@code start()}, {@code stop()}, {@code step()}. */
    public MarketGenerator generator() {
        return generator;
    }

    /** Fault injection: latency, 429, 5xx, resets, stalls, websocket drops and malformed frames. */
    public AlpFaults faults() {
        return faults;
    }

    /** The venue-neutral simulator underneath (matching engine, accounts, event feed). */
    public VenueSimulator simulator() {
        return sim;
    }

    /** The fake server underneath (recorded requests and frames, extra routes). */
    public FakeVenueServer server() {
        return server;
    }

    /** Stops the generator, the periodic frames, every connection and the socket. */
    @Override
    public void close() {
        generator.stop();
        streams.stop();
        activityFeed.dispose();
        try {
            server.close();
        } finally {
            sim.close();
        }
    }

    @Override
    public String toString() {
        return "AlpSimulator[" + restBaseUrl() + "]";
    }
}
