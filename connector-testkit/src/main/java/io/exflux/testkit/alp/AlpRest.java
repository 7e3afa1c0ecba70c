package io.exflux.testkit.alp;

import static io.exflux.testkit.alp.AlpWire.MAPPER;
import static io.exflux.testkit.alp.AlpWire.number;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.OrderBook;
import io.exflux.api.model.PriceLevel;
import io.exflux.api.model.Side;
import io.exflux.testkit.server.FakeResponse;
import io.exflux.testkit.server.Params;
import io.exflux.testkit.server.RouteTable;
import io.exflux.testkit.sim.ActivityLog;
import io.exflux.testkit.sim.ApiKeys;
import io.exflux.testkit.sim.MarketSpec;
import io.exflux.testkit.sim.MarketStats;
import io.exflux.testkit.sim.SimBalance;
import io.exflux.testkit.sim.SimOrder;
import io.exflux.testkit.sim.SimTrade;
import io.exflux.testkit.sim.VenueSimulator;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * ALP REST v3 on top of the simulator: the route table, the market data endpoints and the account
 * reads; auth checks are {@link AlpAuth}'s, order placing and cancelling {@link AlpTrading}'s. The public
 * endpoints answer from snapshots, the private ones run on the simulator thread. Error bodies are
 * {@code {"code":..., "message":...}}.
 */
final class AlpRest {

    static final String PREFIX = "/api/v3";
    private static final int BOOK_LEVELS = 20;

    /** Where the simulator itself is asked (placed in one record so the constructor stays short). */
    record Venue(VenueSimulator sim, ApiKeys keys, AlpJwt jwt, ActivityLog activity, Supplier<Duration> jwtLifetime,
                 AlpSimulatorOptions options, CandleSource candles) {
    }

    /** The candles of a pair, made-up history included. */
    @FunctionalInterface
    interface CandleSource {
        List<MarketStats.Candle> candles(CurrencyPair pair, long seconds, long since, long until, int limit);
    }

    private final Venue venue;
    private final VenueSimulator sim;
    private final AlpAuth auth;
    private final AlpTrading trading;

    AlpRest(Venue venue) {
        this.venue = venue;
        this.sim = venue.sim();
        this.auth = new AlpAuth(venue.keys(), venue.jwt(), venue.jwtLifetime(), venue.options().unknownKeyAsNotFound());
        this.trading = new AlpTrading(sim);
    }

    /** The route table of ALP v3. */
    RouteTable routes() {
        return new RouteTable(PREFIX, AlpWire.ERRORS, List.of("application/json"))
                .get("/time", p -> ok(MAPPER.createObjectNode().put("serverTime", now().getEpochSecond())))
                .get("/currency-rates", p -> ok(currencyRates()))
                .get("/currencies", p -> ok(currencies()))
                .get("/pairs", p -> ok(pairs(p)))
                .get("/ticker", p -> ok(tickers(p)))
                .get("/orderbook", p -> ok(orderbook(p)))
                .get("/charts", p -> ok(charts(p)))
                .get("/trades", p -> ok(trades(p)))
                .post("/auth", p -> Mono.just(auth.login(p)))
                .get("/accounts/accounts", auth.privately((id, p) -> ok(accountList(id))))
                .get("/accounts/balances", auth.privately((id, p) ->
                        sim.balances(id).map(list -> AlpWire.ok(balances(list, p.text("currency"))))))
                .get("/accounts/feeinfo", auth.privately((id, p) ->
                        sim.call(ex -> feeInfo(id, ex.makerFeeRate(), ex.takerFeeRate())).map(AlpWire::ok)))
                .get("/accounts/order", auth.privately(this::orders))
                .get("/accounts/trades", auth.privately((id, p) -> ok(accountTrades(id, p))))
                .get("/accounts/activity", auth.privately((id, p) -> ok(activity(id, p))))
                .post("/trading/order", auth.privately(auth.signed(trading::place)))
                .delete("/trading/order", auth.privately(auth.signed(trading::cancel)));
    }

    // ---------------------------------------------------------------- public endpoints

    private ObjectNode currencyRates() {
        Map<String, BigDecimal> rates = new LinkedHashMap<>();
        for (MarketSpec m : sim.markets()) {
            rates.putIfAbsent(m.quote(), m.quote().startsWith("USD") ? BigDecimal.ONE : null);
        }
        for (MarketSpec m : sim.markets()) {
            BigDecimal quoteRate = rates.get(m.quote());
            BigDecimal price = lastOrMid(m.pair());
            if (quoteRate != null && price != null) {
                rates.put(m.base(), price.multiply(quoteRate));
            } else {
                rates.putIfAbsent(m.base(), null);
            }
        }
        ObjectNode node = MAPPER.createObjectNode();
        rates.forEach((code, rate) -> node.put(code, AlpWire.fixed(rate == null ? BigDecimal.ZERO : rate, 8)));
        return node;
    }

    private ArrayNode currencies() {
        ArrayNode out = MAPPER.createArrayNode();
        sim.currencies().forEach(code -> out.addObject().put("short_name", code).put("sign", code));
        return out;
    }

    private ArrayNode pairs(Params p) {
        ArrayNode out = MAPPER.createArrayNode();
        for (MarketSpec m : sim.markets(p.text("currency1"), p.text("currency2"))) {
            out.addObject().put("name", AlpWire.symbol(m.pair())).put("currency1", m.base()).put("currency2", m.quote())
                    .put("price_precision", m.pricePrecision()).put("amount_precision", m.amountPrecision())
                    .put("minimum_order_size", number(m.minAmount())).put("maximum_order_size", number(m.maxAmount()))
                    .put("minimum_order_value", number(m.minValue()));
        }
        return out;
    }

    private ArrayNode tickers(Params p) {
        MarketSpec only = optionalMarket(p);
        ArrayNode out = MAPPER.createArrayNode();
        Instant now = now();
        for (MarketSpec m : sim.markets()) {
            if (only != null && !only.pair().equals(m.pair())) {
                continue;
            }
            MarketStats.Day day = MarketStats.day(sim.trades(m.pair()), now);
            OrderBook top = sim.book(m.pair(), 1);
            BigDecimal last = day.last() == null ? BigDecimal.ZERO : day.last();
            BigDecimal open = day.open() == null ? last : day.open();
            BigDecimal diff = last.subtract(open);
            BigDecimal percent = open.signum() == 0 ? BigDecimal.ZERO
                    : diff.multiply(BigDecimal.valueOf(100)).divide(open, 2, RoundingMode.HALF_EVEN);
            ObjectNode t = out.addObject();
            t.put("pair", AlpWire.symbol(m.pair()));
            t.put("last", number(last));
            t.put("open", number(open));
            t.put("vol", number(day.volume()));
            t.put("buy", number(top.bestBid().map(PriceLevel::price).orElse(BigDecimal.ZERO)));
            t.put("sell", number(top.bestAsk().map(PriceLevel::price).orElse(BigDecimal.ZERO)));
            t.put("high", number(day.high() == null ? last : day.high()));
            t.put("low", number(day.low() == null ? last : day.low()));
            t.put("diff", number(diff));
            t.put("diff_percent", number(percent));
            t.put("price_precision", m.pricePrecision());
            t.put("amount_precision", m.amountPrecision());
            t.put("timestamp", AlpWire.seconds(now));
        }
        return out;
    }

    private ObjectNode orderbook(Params p) {
        MarketSpec m = AlpWire.market(sim, p, p.required("pair"));
        int buyLimit = levels(p, "limit_buy");
        int sellLimit = levels(p, "limit_sell");
        OrderBook book = sim.book(m.pair(), BOOK_LEVELS);
        ObjectNode out = MAPPER.createObjectNode();
        ArrayNode buy = out.putArray("buy");
        book.bids().stream().limit(buyLimit).forEach(l -> buy.addObject().put("amount", number(l.amount()))
                .put("price", number(l.price())));
        ArrayNode sell = out.putArray("sell");
        book.asks().stream().limit(sellLimit).forEach(l -> sell.addObject().put("amount", number(l.amount()))
                .put("price", number(l.price())));
        return out;
    }

    private ArrayNode charts(Params p) {
        MarketSpec m = AlpWire.market(sim, p, p.required("pair"));
        long width = intervalSeconds(p, p.required("interval"));
        int limit = p.bounded("limit", 500, 1, 500);
        List<MarketStats.Candle> candles = venue.candles().candles(m.pair(), width, p.longValue("since", 0),
                p.longValue("until", 0), limit);
        ArrayNode out = MAPPER.createArrayNode();
        for (MarketStats.Candle c : candles) {
            out.addObject().put("time", c.time()).put("open", number(c.open())).put("close", number(c.close()))
                    .put("low", number(c.low())).put("high", number(c.high())).put("volume", number(c.volume()))
                    .put("quoteVolume", number(c.quoteVolume())).put("tradesCount", c.tradesCount())
                    .put("takerBuyBaseVolume", number(c.takerBuyBase()))
                    .put("takerBuyQuoteVolume", number(c.takerBuyQuote()));
        }
        return out;
    }

    private ArrayNode trades(Params p) {
        MarketSpec m = AlpWire.market(sim, p, p.required("pair"));
        int limit = p.bounded("limit", 100, 1, 1000);
        List<SimTrade> trades = sim.trades(m.pair());
        ArrayNode out = MAPPER.createArrayNode();
        for (int i = trades.size() - 1; i >= 0 && out.size() < limit; i--) {
            SimTrade t = trades.get(i);
            out.addObject().put("id", t.id()).put("price", number(t.price())).put("amount", number(t.amount()))
                    .put("timestamp", AlpWire.seconds(t.time())).put("pair", AlpWire.symbol(t.pair()))
                    .put("type", t.takerSide() == Side.BUY ? "buy" : "sell");
        }
        return out;
    }

    // ---------------------------------------------------------------- private endpoints

    private ArrayNode accountList(long id) {
        ArrayNode out = MAPPER.createArrayNode();
        out.addObject().put("id", id).put("email", "account" + id + "@simulator.invalid")
                .put("name", "Simulated account " + id);
        return out;
    }

    private static ArrayNode balances(List<SimBalance> list, String currency) {
        ArrayNode out = MAPPER.createArrayNode();
        for (SimBalance b : list) {
            if (currency != null && !currency.equalsIgnoreCase(b.currency())) {
                continue;
            }
            out.addObject().put("balance", number(b.total())).put("reserve", number(b.reserved()))
                    .put("currency", b.currency()).put("wallet_type", b.wallet())
                    .put("last_update_at", AlpWire.iso(b.updatedAt())).put("account_id", b.accountId());
        }
        return out;
    }

    private static ArrayNode feeInfo(long id, BigDecimal maker, BigDecimal taker) {
        ArrayNode out = MAPPER.createArrayNode();
        ObjectNode rule = out.addObject();
        rule.put("account_id", id);
        rule.putArray("active_once").addNull().addNull();
        rule.put("taker_fee_rate", number(taker)).put("maker_fee_rate", number(maker));
        rule.putNull("fee_currency");
        rule.put("priority", 1);
        rule.putNull("currency");
        rule.putNull("pair");
        rule.put("is_active", true);
        return out;
    }

    private Mono<FakeResponse> orders(long id, Params p) {
        MarketSpec only = optionalMarket(p);
        boolean openOnly = p.flag("open_only");
        Side side = side(p);
        Instant start = p.instant("start_time");
        Instant end = p.instant("end_time");
        return sim.orders(id).map(list -> {
            ArrayNode out = MAPPER.createArrayNode();
            for (SimOrder o : list) {
                if (out.size() >= 100) {
                    break;
                }
                if ((only != null && !only.pair().equals(o.pair())) || (openOnly && o.status().isFinal())
                        || (side != null && side != o.side()) || (start != null && o.createdAt().isBefore(start))
                        || (end != null && !o.createdAt().isBefore(end))) {
                    continue;
                }
                out.add(AlpWire.orderJson(o, trading.allOrNone(o.id())));
            }
            return AlpWire.ok(out);
        });
    }

    private ArrayNode accountTrades(long id, Params p) {
        MarketSpec only = optionalMarket(p);
        Side side = side(p);
        Instant start = p.instant("start_time");
        Instant end = p.instant("end_time");
        int limit = p.bounded("limit", 100, 1, 100);
        List<SimTrade> trades = sim.trades();
        ArrayNode out = MAPPER.createArrayNode();
        for (int i = trades.size() - 1; i >= 0 && out.size() < limit; i--) {
            SimTrade t = trades.get(i);
            if ((only != null && !only.pair().equals(t.pair())) || (start != null && t.time().isBefore(start))
                    || (end != null && !t.time().isBefore(end))) {
                continue;
            }
            if (t.takerAccount() == id && (side == null || side == t.takerSide())) {
                addAccountTrade(out, t, t.takerSide(), t.takerFee(), t.takerOrderId());
            }
            if (t.makerAccount() == id && (side == null || side == t.takerSide().opposite()) && out.size() < limit) {
                addAccountTrade(out, t, t.takerSide().opposite(), t.makerFee(), t.makerOrderId());
            }
        }
        return out;
    }

    private static void addAccountTrade(ArrayNode out, SimTrade t, Side side, BigDecimal fee, long orderId) {
        out.addObject().put("id", t.id()).put("pair", AlpWire.symbol(t.pair())).put("side", side.name())
                .put("price", number(t.price())).put("amount", number(t.amount())).put("fee", number(fee))
                .put("timestamp", AlpWire.seconds(t.time())).put("order_id", orderId);
    }

    private ArrayNode activity(long id, Params p) {
        int limit = p.bounded("limit", 100, 1, 1000);
        int offset = (int) Math.max(0, p.longValue("offset", 0));
        ArrayNode out = MAPPER.createArrayNode();
        venue.activity().entries(id).stream().skip(offset).limit(limit).forEach(e -> out.addObject()
                .put("balance", number(e.balance())).put("reserve", number(e.reserve()))
                .put("currency", e.currency()).put("wallet_type", e.wallet())
                .put("last_update_at", AlpWire.iso(e.time())).put("account_id", e.accountId())
                .put("op_type", e.opType()));
        return out;
    }

    // ---------------------------------------------------------------- helpers

    private Instant now() {
        return sim.clock().instant();
    }

    private BigDecimal lastOrMid(CurrencyPair pair) {
        List<SimTrade> trades = sim.trades(pair);
        if (!trades.isEmpty()) {
            return trades.get(trades.size() - 1).price();
        }
        return sim.book(pair, 1).mid().orElse(null);
    }

    /** The {@code pair} filter: null when absent, 400 "pair not found" for a pair the venue does not list. */
    private MarketSpec optionalMarket(Params p) {
        String pair = p.text("pair");
        return pair == null ? null : AlpWire.market(sim, p, pair);
    }

    /** The {@code side} filter (BUY/SELL/BID/ASK); null, i.e. both sides, when absent or unknown. */
    private static Side side(Params p) {
        return AlpWire.parseSide(p.text("side"));
    }

    private static int levels(Params p, String name) {
        long value = p.longValue(name, BOOK_LEVELS);
        return value <= 0 ? BOOK_LEVELS : (int) Math.min(value, BOOK_LEVELS);
    }

    private static long intervalSeconds(Params p, String interval) {
        switch (interval.trim().toUpperCase(Locale.ROOT)) {
            case "1":
                return 60;
            case "5":
                return 300;
            case "15":
                return 900;
            case "30":
                return 1800;
            case "60":
                return 3600;
            case "240":
                return 14400;
            case "1D":
            case "D":
            case "1440":
                return 86400;
            default:
                throw p.badRequest("invalid interval");
        }
    }

    private static Mono<FakeResponse> ok(JsonNode node) {
        return Mono.just(AlpWire.ok(node));
    }
}
