package io.exflux.testkit.v1;

import static io.exflux.testkit.v1.V1Wire.MAPPER;
import static io.exflux.testkit.v1.V1Wire.number;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.OrderBook;
import io.exflux.api.model.OrderType;
import io.exflux.api.model.PriceLevel;
import io.exflux.api.model.Side;
import io.exflux.api.model.TimeInForce;
import io.exflux.testkit.server.ErrorReply;
import io.exflux.testkit.server.FakeResponse;
import io.exflux.testkit.server.Params;
import io.exflux.testkit.server.RouteTable;
import io.exflux.testkit.sim.MarketSpec;
import io.exflux.testkit.sim.MarketStats;
import io.exflux.testkit.sim.SimBalance;
import io.exflux.testkit.sim.SimOrder;
import io.exflux.testkit.sim.SimOrderRequest;
import io.exflux.testkit.sim.SimTrade;
import io.exflux.testkit.sim.VenueSimulator;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * The v1 REST API of one dialect on top of the simulator: {@code /api/v1/...} and the charts at
 * {@code /api/charts/<pair>/<type>/chart}. Auth and rate limits are {@link V1Auth}'s. Every answer is JSON
 * with the documents' field names; prices and amounts are JSON numbers, times fractional unix seconds.
 */
final class V1Rest {

    static final String PREFIX = "/api";

    /** Where candles come from (made-up history included). */
    @FunctionalInterface
    interface CandleSource {
        List<MarketStats.Candle> candles(CurrencyPair pair, long seconds, long since, long until, int limit);
    }

    private static final Map<String, String> SIGNS = Map.of("BTC", "Ƀ", "ETH", "Ξ", "USD", "$", "EUR", "€");
    private static final Map<String, Long> CHART_TYPES = Map.of("1", 60L, "5", 300L, "15", 900L, "30", 1800L,
            "60", 3600L, "240", 14400L, "D", 86400L);

    private final V1Dialect dialect;
    private final VenueSimulator sim;
    private final V1Auth auth;
    private final V1Orders orders;
    private final V1BookEvents bookEvents;
    private final V1Transfers transfers;
    private final CandleSource candles;
    private final ErrorReply errors;

    V1Rest(V1Dialect dialect, VenueSimulator sim, V1Auth auth, V1Orders orders, V1BookEvents bookEvents,
           V1Transfers transfers, CandleSource candles, ErrorReply errors) {
        this.dialect = dialect;
        this.sim = sim;
        this.auth = auth;
        this.orders = orders;
        this.bookEvents = bookEvents;
        this.transfers = transfers;
        this.candles = candles;
        this.errors = errors;
    }

    RouteTable routes() {
        RouteTable table = new RouteTable(PREFIX, errors, List.of("application/json"))
                .get("/v1/currencies", auth.publicly(p -> ok(currencies())))
                .get("/v1/pairs", auth.publicly(p -> ok(pairs(p))))
                .get("/v1/wallets", auth.privately(this::wallets))
                .get("/v1/orders/own", auth.privately(this::ownOrders))
                .get("/v1/order/{pk}", auth.optionally(this::order))
                .post("/v1/order", auth.privately(this::place))
                .post("/v1/order-cancel", auth.privately(this::cancel))
                .get("/v1/exchanges", auth.publicly(p -> ok(exchanges(p, -1))))
                .get("/v1/exchanges/own", auth.privately((id, p) -> ok(exchanges(p, id))))
                .get("/v1/deposits", auth.privately((id, p) -> ok(deposits(id))))
                .get("/v1/withdraws", auth.privately((id, p) -> ok(withdrawals(id, p))))
                .get("/charts/{pair}/{type}/chart", auth.publicly(p -> ok(charts(p))));
        if (dialect.bookPairInPath()) {
            table.get("/v1/orderbook/{pair}", auth.publicly(p -> ok(orderbook(p, p.pathVariable("pair")))));
        } else {
            table.get("/v1/orderbook", auth.publicly(p -> ok(orderbook(p, p.required("pair")))));
        }
        if (dialect.publicOrderList()) {
            table.get("/v1/orders", auth.publicly(p -> ok(orderList(orders.all(), p))));
        }
        return table;
    }

    // ---------------------------------------------------------------- public

    private ArrayNode currencies() {
        ArrayNode out = MAPPER.createArrayNode();
        sim.currencies().forEach(code -> out.addObject().put("sign", SIGNS.getOrDefault(code, code)).put("short_name", code));
        return out;
    }

    private ArrayNode pairs(Params p) {
        ArrayNode out = MAPPER.createArrayNode();
        for (MarketSpec m : sim.markets(p.text("currency1"), p.text("currency2"))) {
            out.addObject().put("currency2", m.quote()).put("maximum_order_size", number(m.maxAmount()))
                    .put("minimum_order_size", number(m.minAmount())).put("currency1", m.base())
                    .put("name", V1Wire.symbol(m.pair())).put("price_precision", m.pricePrecision());
        }
        return out;
    }

    /** Ungrouped: each resting order {@code price, id, amount, timestamp}; grouped: {@code price, amount} per price. */
    private ObjectNode orderbook(Params p, String pairName) {
        MarketSpec m = market(p, pairName);
        int sellLimit = limit(p, dialect.sellLimit(), "limit_bids");
        int buyLimit = limit(p, dialect.buyLimit(), "limit_asks");
        ObjectNode out = MAPPER.createObjectNode();
        ArrayNode sell = out.putArray(dialect.sellKey());
        ArrayNode buy = out.putArray(dialect.buyKey());
        if (p.flag("group")) {
            OrderBook book = sim.book(m.pair(), Math.max(sellLimit, buyLimit));
            levels(sell, book.asks(), sellLimit);
            levels(buy, book.bids(), buyLimit);
        } else {
            resting(sell, orders.resting(m.pair(), Side.SELL), sellLimit);
            resting(buy, orders.resting(m.pair(), Side.BUY), buyLimit);
        }
        return out;
    }

    /** The documented limit parameter; bitexbit's examples spell it as BTC-Alpha does, so that is read too. */
    private int limit(Params p, String documented, String alias) {
        String name = p.has(documented) ? documented : alias;
        long value = p.longValue(name, dialect.defaultBookLimit());
        if (value < 0) {
            throw p.badRequest("invalid " + name);
        }
        return (int) Math.min(value, Integer.MAX_VALUE);
    }

    private static void levels(ArrayNode out, List<PriceLevel> levels, int limit) {
        levels.stream().limit(limit).forEach(l -> out.addObject().put("price", number(l.price()))
                .put("amount", number(l.amount())));
    }

    private static void resting(ArrayNode out, List<SimOrder> list, int limit) {
        list.stream().limit(limit).forEach(o -> out.addObject().put("price", number(o.limitPrice())).put("id", o.id())
                .put("amount", number(o.remaining())).put("timestamp", V1Wire.seconds(o.createdAt())));
    }

    /** The order lists' filters: {@code type}, {@code pair}, {@code status}, {@code limit} (2,000). */
    private ArrayNode orderList(List<SimOrder> list, Params p) {
        Side type = optionalSide(p, "type");
        CurrencyPair pair = optionalPair(p);
        Integer status = null;
        if (p.has("status")) {
            long value = p.longValue("status", 0);
            if (value < V1Wire.ACTIVE || value > V1Wire.DONE) {
                throw p.badRequest("invalid status");
            }
            status = (int) value;
        }
        int limit = p.bounded("limit", 2000, 0, 2000);
        ArrayNode out = MAPPER.createArrayNode();
        for (SimOrder o : list) {
            if (out.size() >= limit) {
                break;
            }
            if ((type == null || type == o.side()) && (pair == null || pair.equals(o.pair()))
                    && (status == null || status == V1Wire.status(o.status()))) {
                out.add(V1Wire.order(o, false));
            }
        }
        return out;
    }

    /** {@code id, price, pair, type, timestamp, amount}; own lists show the account's side as {@code type}. */
    private ArrayNode exchanges(Params p, long account) {
        CurrencyPair pair = optionalPair(p);
        Side type = account < 0 ? null : optionalSide(p, "type");
        int limit = p.bounded("limit", dialect.defaultExchangesLimit(), 0, Math.max(2000, dialect.defaultExchangesLimit()));
        int offset = dialect.exchangesPaging() ? (int) Math.max(0, p.longValue("offset", 0)) : 0;
        boolean ascending = false;
        if (dialect.exchangesPaging() && p.has("ordering")) {
            String ordering = p.text("ordering").trim();
            if (!ordering.equals("id") && !ordering.equals("-id")) {
                throw p.badRequest("invalid ordering: id or -id");
            }
            ascending = ordering.equals("id");
        }
        List<SimTrade> trades = sim.trades();
        ArrayNode out = MAPPER.createArrayNode();
        int skipped = 0;
        for (int n = 0; n < trades.size() && out.size() < limit; n++) {
            SimTrade t = trades.get(ascending ? n : trades.size() - 1 - n);
            Side side = account < 0 ? t.takerSide() : t.sideOf(account);
            if (side == null || (pair != null && !pair.equals(t.pair())) || (type != null && type != side)) {
                continue;
            }
            if (skipped++ < offset) {
                continue;
            }
            out.add(V1Wire.exchange(t, side));
        }
        return out;
    }

    private ArrayNode charts(Params p) {
        MarketSpec m = market(p, p.pathVariable("pair"));
        Long width = CHART_TYPES.get(p.pathVariable("type").toUpperCase(Locale.ROOT));
        if (width == null) {
            throw p.badRequest("invalid chart type: 1, 5, 15, 30, 60, 240 or D");
        }
        int limit = p.bounded("limit", 720, 1, 2000);
        ArrayNode out = MAPPER.createArrayNode();
        for (MarketStats.Candle c : candles.candles(m.pair(), width, p.longValue("since", 0), p.longValue("until", 0), limit)) {
            out.addObject().put("volume", number(c.volume())).put("high", number(c.high())).put("low", number(c.low()))
                    .put("close", number(c.close())).put("time", c.time()).put("open", number(c.open()));
        }
        return out;
    }

    // ---------------------------------------------------------------- private

    private Mono<FakeResponse> wallets(long account, Params p) {
        String currency = p.text("currency_id");
        return sim.balances(account).map(list -> {
            ArrayNode out = MAPPER.createArrayNode();
            for (SimBalance b : list) {
                if (currency == null || currency.equalsIgnoreCase(b.currency())) {
                    out.addObject().put("currency", b.currency()).put("balance", number(b.total()))
                            .put("reserve", number(b.reserved()));
                }
            }
            return V1Wire.ok(out);
        });
    }

    private Mono<FakeResponse> ownOrders(long account, Params p) {
        return sim.orders(account).map(list -> V1Wire.ok(orderList(list, p)));
    }

    private Mono<FakeResponse> order(long account, Params p) {
        long id = orderId(p, p.pathVariable("pk"));
        SimOrder o = orders.get(id).filter(found -> account < 0 || found.accountId() == account).orElse(null);
        return Mono.just(o == null ? errors.error(404, "Order not found") : V1Wire.ok(V1Wire.order(o, true)));
    }

    /** {@code type}, {@code pair}, {@code amount}, {@code price}: a good-till-cancelled limit order. */
    private Mono<FakeResponse> place(long account, Params p) {
        Side side = V1Wire.parseSide(p.required("type"));
        if (side == null) {
            throw p.badRequest("type must be sell or buy");
        }
        MarketSpec m = market(p, p.required("pair"));
        p.required("amount");
        p.required("price");
        BigDecimal amount = p.decimal("amount");
        BigDecimal price = p.decimal("price");
        SimOrderRequest request = new SimOrderRequest(account, m.pair(), side, OrderType.LIMIT, TimeInForce.GTC, false,
                amount, null, price, null, null, null, null);
        return sim.place(request).map(o -> V1Wire.ok(V1Wire.placed(dialect, o, bookEvents.tradesOf(o.id()), false)));
    }

    /** {@code order}: another account's order is 403, an unknown, done or cancelled one 400. */
    private Mono<FakeResponse> cancel(long account, Params p) {
        long id = orderId(p, p.required("order"));
        SimOrder known = orders.get(id).orElse(null);
        if (known != null && known.accountId() != account) {
            return Mono.just(errors.error(403, "You do not have access to this order"));
        }
        return sim.call(ex -> {
            try {
                ex.cancel(account, id);
                return V1Wire.ok(MAPPER.createObjectNode().put("order", id));
            } catch (io.exflux.testkit.sim.SimRejectedException notOpen) {
                return errors.error(400, "Order not found, done or already cancelled");
            }
        });
    }

    private ArrayNode deposits(long account) {
        ArrayNode out = MAPPER.createArrayNode();
        for (V1Transfers.Transfer t : transfers.deposits(account)) {
            out.addObject().put("timestamp", V1Wire.seconds(t.time())).put("id", t.id()).put("currency", t.currency())
                    .put("amount", number(t.amount()));
        }
        return out;
    }

    private ArrayNode withdrawals(long account, Params p) {
        String currency = p.text("currency_id");
        Integer status = p.has("status") ? (int) p.longValue("status", 0) : null;
        ArrayNode out = MAPPER.createArrayNode();
        for (V1Transfers.Transfer t : transfers.withdrawals(account)) {
            if ((currency == null || currency.equalsIgnoreCase(t.currency())) && (status == null || status == t.status())) {
                out.addObject().put("id", t.id()).put("timestamp", V1Wire.seconds(t.time()))
                        .put("currency", t.currency()).put("amount", number(t.amount())).put("status", t.status());
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- helpers

    private MarketSpec market(Params p, String name) {
        CurrencyPair pair = V1Wire.pair(name);
        return sim.markets().stream().filter(m -> m.pair().equals(pair)).findFirst()
                .orElseThrow(() -> p.badRequest("Pair not found: " + name));
    }

    private CurrencyPair optionalPair(Params p) {
        String name = p.text("pair");
        return name == null ? null : market(p, name).pair();
    }

    private static Side optionalSide(Params p, String name) {
        String text = p.text(name);
        if (text == null) {
            return null;
        }
        Side side = V1Wire.parseSide(text);
        if (side == null) {
            throw p.badRequest(name + " must be sell or buy");
        }
        return side;
    }

    private static long orderId(Params p, String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException notAnId) {
            throw p.badRequest("invalid order id");
        }
    }

    private static Mono<FakeResponse> ok(Object node) {
        return Mono.just(V1Wire.ok(node));
    }
}
