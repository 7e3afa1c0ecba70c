package io.exflux.testkit.btse;

import static io.exflux.testkit.btse.BtseWire.MAPPER;
import static io.exflux.testkit.btse.BtseWire.number;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.OrderBook;
import io.exflux.api.model.OrderType;
import io.exflux.api.model.Side;
import io.exflux.api.model.TimeInForce;
import io.exflux.testkit.server.FakeResponse;
import io.exflux.testkit.server.Params;
import io.exflux.testkit.server.RouteTable;
import io.exflux.testkit.sim.MarketSpec;
import io.exflux.testkit.sim.SimExchange;
import io.exflux.testkit.sim.SimOrder;
import io.exflux.testkit.sim.SimOrderRequest;
import io.exflux.testkit.sim.SimRejectedException;
import io.exflux.testkit.sim.SimTrade;
import io.exflux.testkit.sim.VenueSimulator;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import reactor.core.publisher.Mono;

/**
 * BTSE's order endpoints: place (LIMIT, MARKET, OCO, PEG; {@code txType} LIMIT, STOP, TRIGGER; every
 * documented {@code time_in_force}), amend, cancel (by {@code orderID}, by {@code clOrderID}, or the whole
 * market), cancel-all-after, query one order, open orders, trade history and fees. They answer HTTP 200
 * with the numeric {@code status} of the API enum even when the engine refuses (8 insufficient balance,
 * 15 rejected, 16 not found, 300-302 size and price); a malformed request is HTTP 400.
 */
final class BtseOrderRest {

    private static final Set<String> TYPES = Set.of("LIMIT", "MARKET", "OCO", "PEG");
    private static final Set<String> TX_TYPES = Set.of("LIMIT", "STOP", "TRIGGER");
    private static final Set<String> AMEND_TYPES = Set.of("PRICE", "SIZE", "TRIGGERPRICE", "ALL");
    private static final Duration TRADE_HISTORY_WINDOW = Duration.ofDays(7);
    private static final BigDecimal MAX_DEVIATION = BigDecimal.TEN;

    private final VenueSimulator sim;
    private final BtseAuth auth;
    private final BtseOrders orders;
    private final BtseOrderTimers timers;
    private final LongFunction<String> usernames;
    private final Consumer<SimOrder> latePublish;
    private final Clock clock;

    BtseOrderRest(VenueSimulator sim, BtseAuth auth, BtseOrders orders, BtseOrderTimers timers,
                  LongFunction<String> usernames, Consumer<SimOrder> latePublish, Clock clock) {
        this.sim = sim;
        this.auth = auth;
        this.orders = orders;
        this.timers = timers;
        this.usernames = usernames;
        this.latePublish = latePublish;
        this.clock = clock;
    }

    void addTo(RouteTable table) {
        BtseSimulator.Scope o = BtseSimulator.Scope.ORDERS;
        BtseSimulator.Scope q = BtseSimulator.Scope.QUERY;
        table.post("/order", auth.privately(o, this::place))
                .post("/order/peg", auth.privately(o, this::place))
                .route("PUT", "/order", auth.privately(o, this::amend))
                .delete("/order", auth.privately(o, this::cancel))
                .get("/order", auth.privately(q, this::query))
                .post("/order/cancelAllAfter", auth.privately(o, this::cancelAllAfter))
                .get("/user/open_orders", auth.privately(q, this::openOrders))
                .get("/user/trade_history", auth.privately(q, this::tradeHistory))
                .get("/user/fees", auth.privately(q, this::fees));
    }

    // ---------------------------------------------------------------- place

    /** What one placement asks for, read and checked before it reaches the engine. */
    private record Placement(MarketSpec market, Side side, String type, String txType, String timeInForce,
                             BigDecimal size, BigDecimal price, BigDecimal stopPrice, BigDecimal triggerPrice,
                             BigDecimal trailValue, boolean postOnly, String clOrderId, BigDecimal stealth,
                             BigDecimal deviation) {

        /** The stop level: {@code stopPrice} (2023 docs) or {@code triggerPrice} (current docs). */
        BigDecimal stopLevel() {
            return stopPrice != null && stopPrice.signum() > 0 ? stopPrice : triggerPrice;
        }
    }

    private Mono<FakeResponse> place(long account, Params p) {
        Placement pl = readPlacement(p);
        BtseOrders.Extras extras = new BtseOrders.Extras(pl.type(), pl.txType(), pl.timeInForce(), pl.stealth(),
                pl.deviation(), pl.trailValue(), pl.triggerPrice(), pl.stopPrice(), pl.clOrderId());
        return sim.call(ex -> {
            List<SimOrderRequest> legs;
            try {
                legs = legs(account, pl, ex);
            } catch (SimRejectedException rejected) {
                return refused(pl, rejected);
            }
            orders.beginPlacement(account, extras);
            List<BtseOrders.Entry> placed = new ArrayList<>();
            ArrayNode out = MAPPER.createArrayNode();
            try {
                for (SimOrderRequest leg : legs) {
                    SimOrder o = ex.place(leg);
                    BtseOrders.Entry e = orders.entryFor(o.id(), account).orElseThrow();
                    e.last = e.last == null ? o : e.last;
                    Duration timed = BtseOrderTimers.TIMED.get(pl.timeInForce());
                    if (timed != null && !o.status().isFinal()) {
                        e.expiresAt = clock.instant().plus(timed);
                    }
                    placed.add(e);
                    out.add(BtseOrderRows.answer(e, o, BtseOrderRows.status(o)));
                }
            } catch (SimRejectedException rejected) {
                placed.forEach(e -> cancelQuietly(ex, e));
                return refused(pl, rejected);
            } finally {
                orders.endCall(false);
            }
            if (placed.size() == 2) {
                placed.get(0).ocoPartner = placed.get(1).orderId;
                placed.get(1).ocoPartner = placed.get(0).orderId;
            }
            return BtseWire.ok(out);
        });
    }

    private Placement readPlacement(Params p) {
        MarketSpec m = BtseMarketRest.market(sim, p, p.required("symbol"));
        Side side = BtseWire.parseSide(p.required("side"));
        if (side == null) {
            throw p.badRequest("side must be BUY or SELL");
        }
        String type = upper(p.required("type"));
        if (!TYPES.contains(type)) {
            throw p.badRequest("type must be one of " + TYPES);
        }
        String txType = upper(p.text("txType") == null ? "LIMIT" : p.text("txType"));
        if (!TX_TYPES.contains(txType)) {
            throw p.badRequest("txType must be one of " + TX_TYPES);
        }
        String tif = upper(p.text("time_in_force") == null ? "GTC" : p.text("time_in_force"));
        if (!tif.equals("GTC") && !tif.equals("IOC") && !tif.equals("FOK") && !BtseOrderTimers.TIMED.containsKey(tif)) {
            throw p.badRequest("invalid time_in_force " + tif);
        }
        BigDecimal deviation = p.decimal("deviation");
        if (deviation != null && deviation.abs().compareTo(MAX_DEVIATION) > 0) {
            throw p.badRequest("deviation must be between -10 and 10");
        }
        Placement pl = new Placement(m, side, type, txType, tif, p.decimal("size"), p.decimal("price"),
                p.decimal("stopPrice"), p.decimal("triggerPrice"), p.decimal("trailValue"), p.flag("postOnly"),
                p.text("clOrderID"), p.decimal("stealth"), deviation);
        boolean stop = !txType.equals("LIMIT") || type.equals("OCO");
        if (stop && (pl.stopLevel() == null || pl.stopLevel().signum() <= 0)) {
            throw p.badRequest(txType + " orders need a stopPrice or triggerPrice");
        }
        if (pl.size() == null && !(type.equals("MARKET") && side == Side.BUY && pl.price() != null)) {
            throw p.badRequest("size is required");
        }
        if ((type.equals("LIMIT") || type.equals("OCO")) && pl.price() == null) {
            throw p.badRequest("price is required for " + type + " orders");
        }
        return pl;
    }

    /** The engine orders of a placement: one, or two for OCO (the limit leg and the stop leg). */
    private List<SimOrderRequest> legs(long account, Placement pl, SimExchange ex) {
        CurrencyPair pair = pl.market().pair();
        TimeInForce tif = pl.timeInForce().equals("IOC") ? TimeInForce.IOC
                : pl.timeInForce().equals("FOK") ? TimeInForce.FOK : TimeInForce.GTC;
        String cl = pl.clOrderId();
        switch (pl.type()) {
            case "MARKET": {
                boolean byQuote = pl.size() == null;
                SimOrderRequest r = new SimOrderRequest(account, pair, pl.side(), OrderType.MARKET, TimeInForce.IOC,
                        false, pl.size(), byQuote ? pl.price() : null, null, null, null, null, cl);
                return List.of(stopped(r, pl));
            }
            case "PEG":
                return List.of(limit(account, pl, pegPrice(pl, ex), tif));
            case "OCO": {
                SimOrderRequest limitLeg = limit(account, pl, pl.price(), tif);
                SimOrderRequest stopLeg = new SimOrderRequest(account, pair, pl.side(), OrderType.STOP_MARKET,
                        TimeInForce.IOC, false, pl.size(), null, null, pl.stopLevel(), null, null, cl);
                return List.of(limitLeg, stopLeg);
            }
            default:
                return List.of(stopped(limit(account, pl, pl.price(), tif), pl));
        }
    }

    private static SimOrderRequest limit(long account, Placement pl, BigDecimal price, TimeInForce tif) {
        return new SimOrderRequest(account, pl.market().pair(), pl.side(), OrderType.LIMIT, tif, pl.postOnly(),
                pl.size(), null, price, null, null, null, pl.clOrderId());
    }

    /** A STOP or TRIGGER order waits for its level: buys at or above it, sells at or below. */
    private static SimOrderRequest stopped(SimOrderRequest r, Placement pl) {
        return pl.txType().equals("LIMIT") ? r : r.withStop(pl.stopLevel().toPlainString(), null);
    }

    /** A PEG order rests at the last price (mid without trades) moved by {@code deviation} percent. */
    private static BigDecimal pegPrice(Placement pl, SimExchange ex) {
        CurrencyPair pair = pl.market().pair();
        OrderBook book = ex.book(pair, 1);
        BigDecimal reference = ex.lastPrice(pair).orElseGet(() -> book.mid().orElseThrow(
                () -> new SimRejectedException(SimRejectedException.Reason.NO_LIQUIDITY, "no price to peg to")));
        BigDecimal deviation = pl.deviation() == null ? BigDecimal.ZERO : pl.deviation();
        BigDecimal price = reference.multiply(BigDecimal.ONE.add(deviation.movePointLeft(2)));
        return price.setScale(pl.market().pricePrecision(), pl.side() == Side.BUY ? RoundingMode.DOWN : RoundingMode.UP);
    }

    private FakeResponse refused(Placement pl, SimRejectedException rejected) {
        int status = statusOf(rejected);
        ArrayNode out = MAPPER.createArrayNode().add(BtseOrderRows.refused(status, messageOf(status),
                BtseWire.symbol(pl.market().pair()), pl.side(), pl.price(), pl.size(), pl.clOrderId(), clock.millis()));
        return BtseWire.ok(out);
    }

    /** The engine's refusal as a status code of the API enum. */
    static int statusOf(SimRejectedException rejected) {
        switch (rejected.reason()) {
            case INSUFFICIENT_FUNDS:
                return BtseWire.INSUFFICIENT_BALANCE;
            case AMOUNT_TOO_LARGE:
                return BtseWire.ERROR_MAX_ORDER_SIZE_EXCEEDED;
            case INVALID_AMOUNT:
            case AMOUNT_TOO_SMALL:
            case VALUE_TOO_SMALL:
                return BtseWire.ERROR_INVALID_ORDER_SIZE;
            case INVALID_PRICE:
                return BtseWire.ERROR_INVALID_ORDER_PRICE;
            case ORDER_NOT_FOUND:
                return BtseWire.ORDER_NOTFOUND;
            case UNKNOWN_MARKET:
                return BtseWire.MARKET_UNAVAILABLE;
            default:
                return BtseWire.ORDER_REJECTED;
        }
    }

    private static String messageOf(int status) {
        switch (status) {
            case BtseWire.INSUFFICIENT_BALANCE:
                return "INSUFFICIENT_BALANCE";
            case BtseWire.ERROR_MAX_ORDER_SIZE_EXCEEDED:
                return "ERROR_MAX_ORDER_SIZE_EXCEEDED";
            case BtseWire.ERROR_INVALID_ORDER_SIZE:
                return "ERROR_INVALID_ORDER_SIZE";
            case BtseWire.ERROR_INVALID_ORDER_PRICE:
                return "ERROR_INVALID_ORDER_PRICE";
            case BtseWire.ORDER_NOTFOUND:
                return "ORDER_NOTFOUND";
            case BtseWire.MARKET_UNAVAILABLE:
                return "MARKET_UNAVAILABLE";
            default:
                return "ORDER_REJECTED";
        }
    }

    private static void cancelQuietly(SimExchange ex, BtseOrders.Entry e) {
        try {
            ex.cancel(e.account, e.simId);
        } catch (SimRejectedException alreadyDone) {
            // the first leg traded away already
        }
    }

    // ---------------------------------------------------------------- amend, cancel, query

    /** PUT: {@code type} PRICE, SIZE or TRIGGERPRICE with {@code value}, or ALL with orderPrice/orderSize/triggerPrice. */
    private Mono<FakeResponse> amend(long account, Params p) {
        MarketSpec m = BtseMarketRest.market(sim, p, p.required("symbol"));
        String type = upper(p.required("type"));
        if (!AMEND_TYPES.contains(type)) {
            throw p.badRequest("type must be one of " + AMEND_TYPES);
        }
        BigDecimal value = type.equals("ALL") ? null : p.decimal("value");
        if (!type.equals("ALL") && value == null) {
            throw p.badRequest("value is required");
        }
        BigDecimal newPrice = type.equals("PRICE") ? value : type.equals("ALL") ? p.decimal("orderPrice") : null;
        BigDecimal newSize = type.equals("SIZE") ? value : type.equals("ALL") ? p.decimal("orderSize") : null;
        BigDecimal newTrigger = type.equals("TRIGGERPRICE") ? value : type.equals("ALL") ? p.decimal("triggerPrice") : null;
        BtseOrders.Entry e = find(account, p).filter(found -> found.isOpen() && found.last.pair().equals(m.pair()))
                .orElse(null);
        if (e == null) {
            return Mono.just(notFound(m, p));
        }
        return sim.call(ex -> {
            SimOrder old = e.last;
            if (old.status().isFinal()) {
                return notFound(m, p);
            }
            boolean waiting = old.stopPrice() != null && !old.triggered();
            OrderType type2 = waiting ? old.type() : old.limitPrice() == null ? OrderType.MARKET : OrderType.LIMIT;
            SimOrderRequest replacement = new SimOrderRequest(account, old.pair(), old.side(), type2, old.timeInForce(),
                    old.postOnly(), newSize != null ? newSize : old.remaining(), null,
                    newPrice != null ? newPrice : old.limitPrice(),
                    waiting ? (newTrigger != null ? newTrigger : old.stopPrice()) : null,
                    waiting ? old.stopCondition() : null, old.wallet(), old.clientOrderId());
            orders.beginAmend(e);
            boolean replaced = false;
            try {
                ex.cancel(account, old.id());
                SimOrder now = ex.place(replacement);
                replaced = true;
                if (newTrigger != null) {
                    e.extras = e.extras.withTrigger(newTrigger);
                }
                e.last = now;
                return BtseWire.ok(MAPPER.createArrayNode().add(BtseOrderRows.answer(e, now, BtseOrderRows.status(now))));
            } catch (SimRejectedException rejected) {
                int status = statusOf(rejected);
                return BtseWire.ok(MAPPER.createArrayNode().add(BtseOrderRows.refused(status, messageOf(status),
                        BtseWire.symbol(m.pair()), old.side(), newPrice, newSize, old.clientOrderId(), clock.millis())));
            } finally {
                List<SimOrder> held = orders.endCall(replaced);
                held.forEach(h -> {
                    orders.restore(h);
                    latePublish.accept(h);
                });
            }
        });
    }

    /** DELETE: by {@code orderID}, by {@code clOrderID}, or without either every open order of the market. */
    private Mono<FakeResponse> cancel(long account, Params p) {
        MarketSpec m = BtseMarketRest.market(sim, p, p.required("symbol"));
        if (!p.has("orderID") && !p.has("clOrderID")) {
            return sim.cancelAll(account, m.pair()).map(list -> {
                ArrayNode out = MAPPER.createArrayNode();
                for (SimOrder o : list) {
                    orders.bySimId(o.id()).ifPresent(e -> out.add(BtseOrderRows.answer(e, o, BtseWire.ORDER_CANCELLED)));
                }
                return BtseWire.ok(out);
            });
        }
        BtseOrders.Entry e = find(account, p).filter(found -> found.last.pair().equals(m.pair())).orElse(null);
        if (e == null) {
            return Mono.just(notFound(m, p));
        }
        return sim.call(ex -> {
            try {
                SimOrder o = ex.cancel(account, e.simId);
                return BtseWire.ok(MAPPER.createArrayNode().add(BtseOrderRows.answer(e, o, BtseWire.ORDER_CANCELLED)));
            } catch (SimRejectedException done) {
                return notFound(m, p);
            }
        });
    }

    /** GET: one order by {@code orderID} or {@code clOrderID}, open or finished (while remembered). */
    private Mono<FakeResponse> query(long account, Params p) {
        if (!p.has("orderID") && !p.has("clOrderID")) {
            throw p.badRequest("orderID or clOrderID is required");
        }
        return Mono.just(find(account, p).map(e -> {
            ObjectNode row = BtseOrderRows.open(e, e.last);
            row.put("status", BtseOrderRows.status(e.last));
            return BtseWire.ok(row);
        }).orElseGet(() -> BtseWire.ok(BtseOrderRows.refused(BtseWire.ORDER_NOTFOUND, "ORDER_NOTFOUND",
                p.text("symbol"), null, null, null, p.text("clOrderID"), clock.millis()))));
    }

    private Mono<FakeResponse> cancelAllAfter(long account, Params p) {
        long timeout = p.longValue("timeout", -1);
        if (timeout < 0) {
            throw p.badRequest("timeout is required (milliseconds, 0 disarms)");
        }
        timers.cancelAllAfter(account, Duration.ofMillis(timeout));
        return Mono.just(BtseWire.ok(MAPPER.createObjectNode().put("timeout", timeout).put("status", 20)));
    }

    private Mono<FakeResponse> openOrders(long account, Params p) {
        CurrencyPair pair = p.has("symbol") ? BtseMarketRest.market(sim, p, p.text("symbol")).pair() : null;
        String orderId = p.text("orderID");
        String cl = p.text("clOrderID");
        List<BtseOrders.Entry> open = new ArrayList<>();
        for (BtseOrders.Entry e : orders.all()) {
            SimOrder o = e.last;
            if (e.account == account && e.isOpen() && (pair == null || pair.equals(o.pair()))
                    && (orderId == null || orderId.equals(e.orderId)) && (cl == null || cl.equals(o.clientOrderId()))) {
                open.add(e);
            }
        }
        open.sort(Comparator.comparing((BtseOrders.Entry e) -> e.last.createdAt()));
        ArrayNode out = MAPPER.createArrayNode();
        open.forEach(e -> out.add(BtseOrderRows.open(e, e.last)));
        return Mono.just(BtseWire.ok(out));
    }

    /** The account's trades of a market, newest first; the window may not exceed 7 days (default: the last 7). */
    private Mono<FakeResponse> tradeHistory(long account, Params p) {
        MarketSpec m = BtseMarketRest.market(sim, p, p.required("symbol"));
        Instant end = p.has("endTime") ? Instant.ofEpochMilli(p.longValue("endTime", 0)) : clock.instant();
        Instant start = p.has("startTime") ? Instant.ofEpochMilli(p.longValue("startTime", 0))
                : end.minus(TRADE_HISTORY_WINDOW);
        if (Duration.between(start, end).compareTo(TRADE_HISTORY_WINDOW) > 0 || start.isAfter(end)) {
            throw p.badRequest("the time window must be positive and at most 7 days");
        }
        int count = p.bounded("count", 500, 1, 500);
        String orderId = p.text("orderID");
        String cl = p.text("clOrderID");
        List<SimTrade> trades = sim.trades(m.pair());
        ArrayNode out = MAPPER.createArrayNode();
        for (int i = trades.size() - 1; i >= 0 && out.size() < count; i--) {
            SimTrade t = trades.get(i);
            Side side = t.sideOf(account);
            if (side == null || t.time().isBefore(start) || t.time().isAfter(end)) {
                continue;
            }
            boolean maker = t.makerAccount() == account && t.takerAccount() != account;
            BtseOrders.Entry e = orders.bySimId(maker ? t.makerOrderId() : t.takerOrderId()).orElse(null);
            String id = e == null ? "" : e.orderId;
            String clId = e == null ? null : e.extras.clOrderId();
            if ((orderId != null && !orderId.equals(id)) || (cl != null && !cl.equals(clId))) {
                continue;
            }
            int type = e == null ? BtseWire.ORDER_TYPE_LIMIT : BtseOrderRows.orderType(e, e.last);
            ObjectNode row = out.addObject();
            row.put("tradeId", Long.toString(t.id())).put("orderId", id).put("clOrderID", clId)
                    .put("username", usernames.apply(account)).put("side", BtseWire.side(side)).put("orderType", type)
                    .put("triggerType", 0).put("price", number(t.price())).put("size", number(t.amount()))
                    .put("filledPrice", number(t.price())).put("filledSize", number(t.amount())).put("triggerPrice", 0)
                    .put("base", t.pair().base()).put("quote", t.pair().quote()).put("symbol", BtseWire.symbol(t.pair()))
                    .put("feeCurrency", side == Side.BUY ? t.pair().base() : t.pair().quote())
                    .put("feeAmount", number(maker ? t.makerFee() : t.takerFee())).put("wallet", "SPOT@")
                    .put("realizedPnl", 0).put("total", number(t.value())).put("serialId", t.id())
                    .put("timestamp", t.time().toEpochMilli()).put("averageFillPrice", number(t.price()));
        }
        return Mono.just(BtseWire.ok(out));
    }

    /** {@code [{makerFee, takerFee, symbol}]} for one market or all. */
    private Mono<FakeResponse> fees(long account, Params p) {
        List<MarketSpec> markets = p.has("symbol") ? List.of(BtseMarketRest.market(sim, p, p.text("symbol")))
                : sim.markets();
        return sim.call(ex -> {
            ArrayNode out = MAPPER.createArrayNode();
            for (MarketSpec m : markets) {
                out.addObject().put("makerFee", number(ex.makerFeeRate())).put("takerFee", number(ex.takerFeeRate()))
                        .put("symbol", BtseWire.symbol(m.pair()));
            }
            return BtseWire.ok(out);
        });
    }

    // ---------------------------------------------------------------- helpers

    private java.util.Optional<BtseOrders.Entry> find(long account, Params p) {
        String orderId = p.text("orderID");
        if (orderId != null) {
            return orders.byOrderId(orderId).filter(e -> e.account == account && e.last != null);
        }
        String cl = p.text("clOrderID");
        return cl == null ? java.util.Optional.empty() : orders.byClientId(account, cl);
    }

    private FakeResponse notFound(MarketSpec m, Params p) {
        return BtseWire.ok(MAPPER.createArrayNode().add(BtseOrderRows.refused(BtseWire.ORDER_NOTFOUND, "ORDER_NOTFOUND",
                BtseWire.symbol(m.pair()), null, null, null, p.text("clOrderID"), clock.millis())));
    }

    private static String upper(String text) {
        return text.trim().toUpperCase(Locale.ROOT);
    }
}
