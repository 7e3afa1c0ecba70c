package io.exflux.testkit.sim;

import io.exflux.api.model.CurrencyPair;
import io.exflux.testkit.server.ErrorReply;
import io.exflux.testkit.server.FakeVenueServer;
import io.exflux.testkit.server.RequestBudget;
import io.exflux.testkit.server.RouteTable;
import io.exflux.testkit.server.VenueFaults;
import io.exflux.testkit.server.WsScript;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * The life cycle every embedded venue shares, so a venue's simulator is only its front (wire format,
 * routes, auth checks): the matching engine and its clock, the market generator, the loopback server for
 * REST and websockets, the fault switchboard, the request budget, API keys, the activity log and the
 * candle history. A subclass builds its {@link RouteTable} and websocket script, hands them to
 * {@link #serveRest} and {@link #serveWebsocket}, then calls {@link #startGenerator()} last.
 *
 * <p>Construction binds the socket and {@link #close()} releases it, both waiting for it: call them from
 * a test thread, never from a reactor thread. Everything else returns at once.
 */
public abstract class SimulatedVenue implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedVenue.class);
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");

    private final VenueSettings setup;
    private final VenueSimulator sim;
    private final MarketGenerator generator;
    private final FakeVenueServer server;
    private final VenueFaults faults;
    private final RequestBudget budget;
    private final ErrorReply errors;
    private final ApiKeys apiKeys = new ApiKeys();
    private final ActivityLog activity = new ActivityLog();
    private final Map<CurrencyPair, CandleHistory> history = new ConcurrentHashMap<>();
    private final Disposable activityFeed;

    protected SimulatedVenue(VenueSettings setup, ErrorReply errors) {
        this.setup = Objects.requireNonNull(setup, "setup");
        this.errors = Objects.requireNonNull(errors, "errors");
        this.sim = VenueSimulator.builder().markets(setup.markets()).clock(setup.clock()).build();
        this.generator = new MarketGenerator(sim, setup.generator(), setup.timer());
        this.activityFeed = sim.balanceUpdates().subscribe(activity::record,
                error -> LOG.error("activity log stopped", error));
        this.budget = new RequestBudget(setup.clock(), setup.requestsPerSecond());
        if (!setup.candleHistory().isZero() && !setup.candleHistory().isNegative()) {
            for (MarketSpec m : sim.markets()) {
                BigDecimal price = setup.generator().startPrices().getOrDefault(m.pair(), BigDecimal.valueOf(100));
                history.put(m.pair(), CandleHistory.generate(m, price, setup.clock().instant(), setup.candleHistory(),
                        setup.generator().seed()));
            }
        }
        this.server = FakeVenueServer.start(setup.clock());
        server.maxRequestBody(setup.maxRequestBody())
                .oversizedBodyAnswer(errors.error(413, "request body too large"));
        this.faults = new VenueFaults(server, errors);
    }

    /** Serves this table under its prefix for every method, behind the faults and the request budget. */
    protected final void serveRest(RouteTable table) {
        for (String method : METHODS) {
            server.route(method, table.prefix() + "*").respondAsync(request -> faults.answer(request,
                    r -> budget.tryAcquire() ? table.answer(r) : Mono.just(errors.tooManyRequests())));
        }
    }

    /** Serves a websocket endpoint. */
    protected final void serveWebsocket(String path, WsScript script) {
        server.websocket(path, script);
    }

    /** Starts the market generator when the setup asks for it; a subclass calls this last. */
    protected final void startGenerator() {
        if (setup.generatorEnabled()) {
            generator.prepare().subscribe(ignored -> { }, error -> LOG.error("generator could not prepare", error));
            generator.start();
        }
    }

    /** Opens an account funded with these balances (currency to amount) in the default wallet; returns its key. */
    protected final ApiKeys.ApiKey openAccount(Map<String, BigDecimal> balances) {
        Map<String, BigDecimal> funding = Map.copyOf(balances);
        long id = sim.allocateAccountId();
        ApiKeys.ApiKey key = apiKeys.register(id);
        sim.submit(ex -> {
            ex.createAccount(id);
            funding.forEach((currency, amount) -> ex.deposit(id, SimOrderRequest.DEFAULT_WALLET, currency, amount));
        });
        return key;
    }

    /**
     * Candles of one pair: the made-up history (if any) followed by candles of the trades since the start,
     * {@code seconds} wide, starting in {@code [since, until]} (unix seconds, 0 = open), the newest
     * {@code limit}, oldest first.
     */
    public final List<MarketStats.Candle> candles(CurrencyPair pair, long seconds, long since, long until, int limit) {
        List<MarketStats.Candle> live = MarketStats.candles(sim.trades(pair), seconds, since, until, limit);
        CandleHistory past = history.get(pair);
        return past == null ? live : MarketStats.merge(past.candles(seconds, since, until, limit), live, limit);
    }

    /** The venue-neutral simulator underneath (matching engine, accounts, event feed). */
    public final VenueSimulator simulator() {
        return sim;
    }

    /** The market generator: {@code start()}, {@code stop()}, {@code step()}. */
    public final MarketGenerator generator() {
        return generator;
    }

    /** The loopback server underneath (recorded requests and frames, extra routes, limits). */
    public final FakeVenueServer server() {
        return server;
    }

    /** Fault injection: latency, 429, 5xx, resets, stalls, websocket drops and malformed frames. */
    public final VenueFaults faults() {
        return faults;
    }

    /** The port. */
    public final int port() {
        return server.port();
    }

    /** Kills every open websocket at once (TCP reset, no close frame): a forced disconnect. */
    public final void dropAllWebsockets() {
        faults.dropWebsockets();
    }

    /** The REST request budget. */
    protected final RequestBudget budget() {
        return budget;
    }

    /** The venue's wording of errors. */
    protected final ErrorReply errors() {
        return errors;
    }

    /** The API keys issued. */
    protected final ApiKeys apiKeys() {
        return apiKeys;
    }

    /** The operation history of every account. */
    protected final ActivityLog activity() {
        return activity;
    }

    /** The clock of the venue. */
    protected final Clock clock() {
        return setup.clock();
    }

    /** Stops what the front started (periodic frames, publishers); runs before the server closes. */
    protected void stopFront() {
    }

    /** Stops the generator, the front, every connection and the socket, and waits for it. */
    @Override
    public final void close() {
        generator.stop();
        try {
            stopFront();
        } finally {
            activityFeed.dispose();
            try {
                server.close();
            } finally {
                sim.close();
            }
        }
    }
}
