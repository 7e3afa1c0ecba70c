package io.exflux.testkit.btse;

import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.OrderBook;
import io.exflux.testkit.server.RouteTable;
import io.exflux.testkit.sim.ApiKeys;
import io.exflux.testkit.sim.SimBalance;
import io.exflux.testkit.sim.SimEvent;
import io.exflux.testkit.sim.SimOrder;
import io.exflux.testkit.sim.SimOrderRequest;
import io.exflux.testkit.sim.SimRejectedException;
import io.exflux.testkit.sim.SimTrade;
import io.exflux.testkit.sim.SimulatedVenue;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * An embedded BTSE spot venue (API v3.2) on loopback: REST under {@code /spot/api/v3.2}, the main websocket
 * at {@code /ws/spot} and the order-book websocket at {@code /ws/oss/spot}, on one port, backed by the
 * shared matching engine and, by default, a market generator.
 *
 * <pre>{@code
 * try (BtseSimulator btse = BtseSimulator.start()) {
 *     ApiKeys.ApiKey account = btse.createAccount(Map.of("USD", new BigDecimal("100000")));
 *     // REST at btse.restBaseUrl(), sockets at btse.websocketUrl() and btse.orderBookWebsocketUrl()
 * }
 * }</pre>
 *
 * <p>{@link #start} and {@link #close()} bind and release the socket and wait for it: call them from a
 * test thread. Everything else returns at once.
 *
 * <p>Where the documents are silent or disagree, the simulator chooses (see {@code docs/venues/btse-simulator.md}):
 * <ul>
 * <li>errors are {@code {"code":<status or venue code>,"msg":"BADREQUEST: ...","time":<ms>,"data":null,
 *     "success":false}}: 400 bad input, 401 code 10002 for any auth failure, 429 with {@code Retry-After} in
 *     whole seconds; wallet operations over the balance are 400 code 51523, a withdrawal amount with more
 *     than eight decimals 400 code 3506;</li>
 * <li>order endpoints answer HTTP 200 with an array of order rows whose {@code status} is the API enum's
 *     code, refusals included (8, 15, 16, 300-302); malformed order requests are HTTP 400;</li>
 * <li>the signature is checked over the path without {@code /spot} and the query, the nonce and the exact
 *     body; both header spellings ({@code btse-*}, {@code request-*}) are accepted; nonces are not checked
 *     for order;</li>
 * <li>rate limits per scope and caller in fixed one-second windows: query (market data, lookups), orders
 *     (place, amend, cancel, cancel-all-after), wallet; the tiered blocks of the later docs are not
 *     simulated;</li>
 * <li>amend runs as cancel and replace in the engine, keeping the {@code orderID}; a new size is the new
 *     open size; OCO places a limit leg and a stop-market leg that each reserve funds; PEG rests once at the
 *     last price moved by {@code deviation} percent (no re-pegging); stealth and trail values are echoed,
 *     not simulated;</li>
 * <li>wallet history {@code type} numbers follow the seed's table order (1 Deposit, 2 Withdraw,
 *     3 Transfer_In, 4 Transfer_Out, 6 conversions); withdrawals complete at once (status 10);</li>
 * <li>book groupings 1-8 group snapshots and deltas alike.</li>
 * </ul>
 */
public final class BtseSimulator extends SimulatedVenue {

    private static final Logger LOG = LoggerFactory.getLogger(BtseSimulator.class);
    /** The REST mount and version, under which every endpoint lives. */
    static final String PREFIX = BtseSignature.MOUNT + "/api/v3.2";
    static final String MAIN_PATH = "/ws/spot";
    static final String BOOK_PATH = "/ws/oss/spot";

    /** The rate-limit scopes of the documents. */
    public enum Scope {
        /** Market data and order, trade and fee lookups: 15 a second per API key. */
        QUERY,
        /** Placing, amending and cancelling orders: 75 a second per API key. */
        ORDERS,
        /** Wallet operations: 5 a second per user. */
        WALLET
    }

    /**
     * What one scope counted since the start.
     *
     * @param limit         calls allowed per second and caller
     * @param accepted      calls let through
     * @param refused       calls answered 429
     * @param busiestSecond the most calls one caller got through within one clock second
     */
    public record ScopeCount(Scope scope, int limit, long accepted, long refused, int busiestSecond) {
    }

    private final BtseSimulatorOptions options;
    private final BtseWallet wallet;
    private final BtseOrders orders = new BtseOrders();
    private final BtseRateLimits limits;
    private final BtseOrderTimers timers;
    private final BtseBookStreams books;
    private final BtseMainStreams main;
    private final Disposable feed;

    private BtseSimulator(BtseSimulatorOptions options) {
        super(options, BtseWire.errors(options.clock()));
        this.options = options;
        this.wallet = new BtseWallet(options.convertRates());
        this.limits = new BtseRateLimits(options.clock(), options);
        BtseAuth auth = new BtseAuth(apiKeys(), errors(), limits, options.clock());
        this.timers = new BtseOrderTimers(simulator(), orders, options.clock(), options.sweepInterval(), options.timer());
        this.books = new BtseBookStreams(simulator(), options);
        this.main = new BtseMainStreams(simulator(), apiKeys(), options);
        this.feed = simulator().events().subscribe(this::onEvent, error -> LOG.error("simulator event feed failed", error));
        RouteTable table = new RouteTable(PREFIX, errors(), List.of("application/json"));
        new BtseMarketRest(simulator(), auth, this::candles, options.clock()).addTo(table);
        new BtseWalletRest(simulator(), auth, wallet, options).addTo(table);
        new BtseOrderRest(simulator(), auth, orders, timers, this::username, this::publishLate, options.clock())
                .addTo(table);
        serveRest(table);
        books.start();
        serveWebsocket(BOOK_PATH, books::run);
        serveWebsocket(MAIN_PATH, main::run);
        startGenerator();
    }

    /** Starts a simulator with the defaults. */
    public static BtseSimulator start() {
        return start(BtseSimulatorOptions.defaults());
    }

    /** Starts a simulator with these options on 127.0.0.1 and an ephemeral port. */
    public static BtseSimulator start(BtseSimulatorOptions options) {
        return new BtseSimulator(Objects.requireNonNull(options, "options"));
    }

    public BtseSimulatorOptions options() {
        return options;
    }

    /** {@code http://127.0.0.1:<port>/spot}: the documented REST base (paths {@code /api/v3.2/...} follow). */
    public String restBaseUrl() {
        return server().baseUrl() + BtseSignature.MOUNT;
    }

    /** {@code ws://127.0.0.1:<port>/ws/spot}: trades, login, notifications, fills. */
    public String websocketUrl() {
        return server().wsUrl(MAIN_PATH);
    }

    /** {@code ws://127.0.0.1:<port>/ws/oss/spot}: order books. */
    public String orderBookWebsocketUrl() {
        return server().wsUrl(BOOK_PATH);
    }

    // ---------------------------------------------------------------- accounts and wallet

    /** An account with these balances (each a deposit), named {@code user<id>} with mail {@code user<id>@sim.btse}. */
    public ApiKeys.ApiKey createAccount(Map<String, BigDecimal> balances) {
        ApiKeys.ApiKey key = openAccount(Map.of());
        wallet.register(key.accountId(), "user" + key.accountId(), "user" + key.accountId() + "@sim.btse");
        balances.forEach((currency, amount) -> deposit(key, currency, amount).subscribe(ignored -> { },
                error -> LOG.warn("funding deposit failed", error)));
        return key;
    }

    /** An account with a user name and mail of the caller's choice (the receiver of a transfer). */
    public ApiKeys.ApiKey createAccount(String username, String email, Map<String, BigDecimal> balances) {
        ApiKeys.ApiKey key = openAccount(Map.of());
        wallet.register(key.accountId(), username, email);
        balances.forEach((currency, amount) -> deposit(key, currency, amount).subscribe(ignored -> { },
                error -> LOG.warn("funding deposit failed", error)));
        return key;
    }

    /**
     * An account whose key and secret are the caller's (the document's, so its check values verify on the
     * wire); the random key it had is withdrawn.
     */
    public ApiKeys.ApiKey createAccountWithKey(String key, String secret, Map<String, BigDecimal> balances) {
        ApiKeys.ApiKey opened = createAccount(balances);
        return apiKeys().register(opened.accountId(), key, secret);
    }

    /** The user name of an account (what a transfer's {@code toUser} names). */
    public String username(ApiKeys.ApiKey account) {
        return username(account.accountId());
    }

    /** The e-mail of an account (what a transfer's {@code toUserMail} must match). */
    public String email(ApiKeys.ApiKey account) {
        return wallet.user(account.accountId()).map(BtseWallet.User::email).orElse("");
    }

    /**
     * Deposits funds (listed in the wallet history; the account's addresses of that currency become used);
     * cold: runs when subscribed.
     */
    public Mono<SimBalance> deposit(ApiKeys.ApiKey account, String currency, BigDecimal amount) {
        Instant now = clock().instant();
        return simulator().deposit(account.accountId(), SimOrderRequest.DEFAULT_WALLET, currency, amount)
                .doOnNext(b -> {
                    wallet.record(account.accountId(), BtseWallet.Kind.DEPOSIT, currency, amount, BigDecimal.ZERO, now,
                            "Deposit", null);
                    wallet.used(account.accountId(), currency);
                });
    }

    /** The balances of an account's spot wallet; cold. */
    public Mono<List<SimBalance>> balances(ApiKeys.ApiKey account) {
        return simulator().balances(account.accountId());
    }

    /** The total of one currency in an account's spot wallet (zero when never held); cold. */
    public Mono<BigDecimal> balance(ApiKeys.ApiKey account, String currency) {
        return balances(account).map(list -> list.stream()
                .filter(b -> b.currency().equals(currency) && b.wallet().equals(SimOrderRequest.DEFAULT_WALLET))
                .map(SimBalance::total).findFirst().orElse(BigDecimal.ZERO));
    }

    /** Sets the conversion rate of a pair from now on (one {@code base} buys {@code rate} of {@code quote}). */
    public void convertRate(String base, String quote, BigDecimal rate) {
        wallet.rate(CurrencyPair.of(base, quote), rate);
    }

    // ---------------------------------------------------------------- what tests read

    /** The book of a market ({@code BTC-USD}), best levels first, at most {@code depth} a side. */
    public OrderBook book(String symbol, int depth) {
        return simulator().book(pair(symbol), depth);
    }

    /** Every trade so far, oldest first (the last 100,000). */
    public List<SimTrade> trades() {
        return simulator().trades();
    }

    /**
     * BTSE's {@code orderID} of an engine order (as {@code orders(account)} lists them), as the client reports it;
     * empty for the generator's orders and for finished orders forgotten.
     */
    public Optional<String> orderId(long engineOrderId) {
        return orders.bySimId(engineOrderId).map(entry -> entry.orderId);
    }

    /** What the rate limit of one scope counted. */
    public ScopeCount rateCount(Scope scope) {
        return limits.count(Objects.requireNonNull(scope, "scope"));
    }

    /** When the account's cancel-all-after switch fires, if it is armed. */
    public Optional<Instant> cancelAllAfterDeadline(ApiKeys.ApiKey account) {
        return Optional.ofNullable(timers.deadline(account.accountId()));
    }

    /** Websocket sessions open now on both hosts. */
    public int openSockets() {
        return books.sessionCount() + main.sessionCount();
    }

    // ---------------------------------------------------------------- faults

    /** The next delta of every book chain of this market skips a sequence number. */
    public void forceSequenceGap(String symbol) {
        books.forceGap(pair(symbol));
    }

    /** The next book frame of every chain of this market crosses the book (a bid above the best ask). */
    public void forceCrossedBook(String symbol) {
        books.forceCrossedBook(pair(symbol));
    }

    @Override
    protected void stopFront() {
        feed.dispose();
        timers.dispose();
        books.stop();
        main.stop();
    }

    @Override
    public String toString() {
        return "BtseSimulator[" + server().baseUrl() + "]";
    }

    // ---------------------------------------------------------------- events (simulator thread, in order)

    private void onEvent(SimEvent event) {
        if (event instanceof SimEvent.OrderUpdated updated) {
            SimOrder order = updated.order();
            orders.observe(order).ifPresent(entry -> {
                main.onOrder(entry, order);
                cancelOcoPartner(entry, order);
            });
        } else if (event instanceof SimEvent.Traded traded) {
            SimTrade t = traded.trade();
            BtseOrders.Entry maker = orders.entryFor(t.makerOrderId(), t.makerAccount()).orElse(null);
            BtseOrders.Entry taker = orders.entryFor(t.takerOrderId(), t.takerAccount()).orElse(null);
            main.onTrade(t, maker, taker);
        }
    }

    /** When one leg of an OCO trades or triggers, the other is cancelled (after the running call). */
    private void cancelOcoPartner(BtseOrders.Entry entry, SimOrder order) {
        String partnerId = entry.ocoPartner;
        if (partnerId == null || (order.filled().signum() == 0 && !order.triggered())) {
            return;
        }
        entry.ocoPartner = null;
        orders.byOrderId(partnerId).ifPresent(partner -> {
            partner.ocoPartner = null;
            long simId = partner.simId;
            simulator().submit(ex -> {
                try {
                    ex.cancel(partner.account, simId);
                } catch (SimRejectedException alreadyDone) {
                    // it traded or was cancelled first
                }
            });
        });
    }

    private void publishLate(SimOrder order) {
        orders.bySimId(order.id()).ifPresent(entry -> main.onOrder(entry, order));
    }

    private String username(long account) {
        return wallet.user(account).map(BtseWallet.User::username).orElse("");
    }

    private CurrencyPair pair(String symbol) {
        CurrencyPair pair = BtseWire.pair(symbol);
        if (pair == null || simulator().market(pair).isEmpty()) {
            throw new IllegalArgumentException("not a market of this simulator: " + symbol);
        }
        return pair;
    }
}
