package io.exflux.testkit.v1;

import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.OrderBook;
import io.exflux.testkit.server.ErrorReply;
import io.exflux.testkit.sim.ApiKeys;
import io.exflux.testkit.sim.SimBalance;
import io.exflux.testkit.sim.SimEvent;
import io.exflux.testkit.sim.SimOrderRequest;
import io.exflux.testkit.sim.SimTrade;
import io.exflux.testkit.sim.SimulatedVenue;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * An embedded venue of the v1 platform, BTC-Alpha or bitexbit ({@link V1Dialect}), on loopback: REST under
 * {@code /api/v1/} with the charts at {@code /api/charts/<pair>/<type>/chart}, and the order-book socket
 * on the same port at {@code /socket.io/} (also {@code /engine.io/} and {@code /}), backed by the shared
 * matching engine and, by default, a market generator. One implementation, one dialect per venue:
 *
 * <pre>{@code
 * try (V1Simulator bitexbit = V1Simulator.start(V1Dialect.BITEXBIT)) {
 *     ApiKeys.ApiKey account = bitexbit.createAccount(Map.of("USD", new BigDecimal("100000")));
 *     // REST at bitexbit.restBaseUrl(), the socket at bitexbit.socketUrl()
 * }
 * }</pre>
 *
 * <p>{@link #start} and {@link #close()} bind and release the socket and wait for it: call them from a
 * test thread. Everything else returns at once.
 *
 * <p>Where the documents are silent or disagree, the simulator chooses:
 * <ul>
 * <li>errors are {@code {"date": <seconds>, "error": "<message>"}} with bitexbit's statuses for both venues:
 *     400 bad input (unknown pair, bad amount or price, out of balance, cancelling an order that is not
 *     open), 401 auth, 403 cancelling another account's order, 404 an unknown order or path, 429 over the
 *     rate limit (with {@code Retry-After: 1});</li>
 * <li>{@code X-SIGN} is checked over the POST parameters (form or JSON), or over the query of a GET, in
 *     either urlencoding of the documents' snippets; a GET signed over the key alone passes too;
 *     {@code X-NONCE} must be greater than every nonce accepted before for that key;</li>
 * <li>the single order ({@code /v1/order/<pk>/}) answers without auth (as shown) and checks auth and
 *     ownership when {@code X-KEY} is sent;</li>
 * <li>{@code amount} of an order is what is still open (0 once done or cancelled), as the create-order
 *     example; a trade inside a new-order answer or event describes the matched resting order
 *     ({@code type} its side, {@code o_id} its id);</li>
 * <li>bitexbit's order book reads {@code limit_sell}/{@code limit_buy} and, as its examples send them,
 *     {@code limit_bids} (sell) and {@code limit_asks} (buy);</li>
 * <li>a cancel event's {@code oid} is the cancelled order; bitexbit's {@code cancel_order_id} numbers
 *     the cancel operation.</li>
 * </ul>
 * Not simulated: creating withdrawals over the API (none is documented; {@link #withdraw} records one).
 */
public final class V1Simulator extends SimulatedVenue {

    private static final Logger LOG = LoggerFactory.getLogger(V1Simulator.class);
    private static final List<String> SOCKET_PATHS = List.of("/socket.io/", "/socket.io", "/engine.io/", "/engine.io", "/");

    private final V1SimulatorOptions options;
    private final V1Orders orders = new V1Orders();
    private final V1Transfers transfers = new V1Transfers();
    private final V1Sockets sockets;
    private final V1BookEvents bookEvents;
    private final Disposable feed;

    private V1Simulator(V1SimulatorOptions options, ErrorReply errors) {
        super(options, errors);
        this.options = options;
        this.sockets = new V1Sockets(options, simulator().markets());
        this.bookEvents = new V1BookEvents(this::publish);
        this.feed = simulator().events().subscribe(this::onEvent, error -> LOG.error("simulator event feed failed", error));
        V1RateLimits limits = new V1RateLimits(options.clock(), options.ipCallsPerSecond(), options.accountCallsPerSecond());
        V1Auth auth = new V1Auth(apiKeys(), errors, limits);
        serveRest(new V1Rest(options.dialect(), simulator(), auth, orders, bookEvents, transfers, this::candles, errors)
                .routes());
        SOCKET_PATHS.forEach(path -> serveWebsocket(path, sockets::run));
        startGenerator();
    }

    /** Starts a simulator of this venue with its defaults. */
    public static V1Simulator start(V1Dialect dialect) {
        return start(V1SimulatorOptions.defaults(dialect));
    }

    /** Starts a simulator with these options on 127.0.0.1 and an ephemeral port. */
    public static V1Simulator start(V1SimulatorOptions options) {
        Objects.requireNonNull(options, "options");
        return new V1Simulator(options, V1Wire.errors(options.clock()));
    }

    /** The venue this simulator plays. */
    public V1Dialect dialect() {
        return options.dialect();
    }

    /** The options it was started with. */
    public V1SimulatorOptions options() {
        return options;
    }

    /** {@code http://127.0.0.1:<port>/api/v1}, no trailing slash. */
    public String restBaseUrl() {
        return server().baseUrl() + V1Rest.PREFIX + "/v1";
    }

    /** {@code http://127.0.0.1:<port>/api}: the root of {@code /v1/} and of {@code /charts/}. */
    public String apiRootUrl() {
        return server().baseUrl() + V1Rest.PREFIX;
    }

    /** {@code ws://127.0.0.1:<port>/socket.io/} (the client adds {@code ?EIO=3|4&transport=websocket}). */
    public String socketUrl() {
        return server().wsUrl("/socket.io/");
    }

    /** An account with nothing in it. */
    public ApiKeys.ApiKey createAccount() {
        return createAccount(Map.of());
    }

    /** Opens an account funded with these balances (each a deposit) and returns its key and secret. */
    public ApiKeys.ApiKey createAccount(Map<String, BigDecimal> balances) {
        ApiKeys.ApiKey key = openAccount(balances);
        balances.forEach((currency, amount) -> transfers.deposit(key.accountId(), clock().instant(), currency, amount));
        return key;
    }

    /**
     * Opens a funded account whose key and secret are the caller's (the documents' {@code KEY} and
     * {@code SECRET}, so their check values verify on the wire); the random key it had is withdrawn.
     */
    public ApiKeys.ApiKey createAccount(String key, String secret, Map<String, BigDecimal> balances) {
        ApiKeys.ApiKey opened = createAccount(balances);
        return apiKeys().register(opened.accountId(), key, secret);
    }

    /** Deposits funds into an account (listed by {@code /v1/deposits/}); cold: runs when subscribed. */
    public Mono<SimBalance> deposit(ApiKeys.ApiKey account, String currency, BigDecimal amount) {
        return simulator().deposit(account.accountId(), SimOrderRequest.DEFAULT_WALLET, currency, amount)
                .doOnNext(b -> transfers.deposit(account.accountId(), clock().instant(), currency, amount));
    }

    /**
     * Takes funds out of an account as a withdrawal with this status (10 New, 20 Verified, 30 Approved,
     * 40 Refused, 50 Canceled), listed by {@code /v1/withdraws/}; cold: runs when subscribed.
     */
    public Mono<SimBalance> withdraw(ApiKeys.ApiKey account, String currency, BigDecimal amount, int status) {
        return simulator().deposit(account.accountId(), SimOrderRequest.DEFAULT_WALLET, currency, amount.negate())
                .doOnNext(b -> transfers.withdrawal(account.accountId(), clock().instant(), currency, amount, status));
    }

    /** The book of a pair ({@code BTC_USD}), best levels first, at most {@code depth} a side. */
    public OrderBook book(String pair, int depth) {
        return simulator().book(pair(pair), depth);
    }

    /** Every trade so far, oldest first. */
    public List<SimTrade> trades() {
        return simulator().trades();
    }

    /** Sockets open now. */
    public int openSockets() {
        return sockets.size();
    }

    @Override
    protected void stopFront() {
        feed.dispose();
    }

    @Override
    public String toString() {
        return "V1Simulator[" + options.dialect().venue() + " " + server().baseUrl() + "]";
    }

    /** Runs on the simulator thread, in event order. */
    private void onEvent(SimEvent event) {
        if (event instanceof SimEvent.OrderUpdated updated) {
            orders.record(updated.order());
        }
        bookEvents.accept(event);
    }

    private void publish(V1BookEvents.BookEvent event) {
        String symbol = V1Wire.symbol(event.order().pair());
        if (event instanceof V1BookEvents.NewOrder placed) {
            sockets.publish(symbol, V1Wire.placed(options.dialect(), placed.order(), placed.trades(), true));
        } else if (event instanceof V1BookEvents.Cancel cancel) {
            sockets.publish(symbol, V1Wire.cancelled(options.dialect(), cancel.order(), cancel.cancelId()));
        }
    }

    private static CurrencyPair pair(String name) {
        CurrencyPair parsed = V1Wire.pair(name);
        if (parsed == null) {
            throw new IllegalArgumentException("not a v1 pair name: " + name);
        }
        return parsed;
    }
}
