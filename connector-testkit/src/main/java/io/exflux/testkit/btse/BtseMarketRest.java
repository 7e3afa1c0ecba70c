package io.exflux.testkit.btse;

import static io.exflux.testkit.btse.BtseWire.MAPPER;
import static io.exflux.testkit.btse.BtseWire.number;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.OrderBook;
import io.exflux.api.model.PriceLevel;
import io.exflux.testkit.server.Params;
import io.exflux.testkit.server.RouteTable;
import io.exflux.testkit.sim.MarketSpec;
import io.exflux.testkit.sim.MarketStats;
import io.exflux.testkit.sim.SimTrade;
import io.exflux.testkit.sim.VenueSimulator;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * BTSE's public market data: {@code market_summary}, {@code ohlcv}, {@code price}, {@code orderbook},
 * {@code orderbook/L2}, {@code trades} and {@code time}, all in the query scope. Summary and price numbers
 * are JSON numbers, book levels strings, times milliseconds (candles and {@code time.epoch}: seconds).
 */
final class BtseMarketRest {

    /** Where candles come from (made-up history included). */
    @FunctionalInterface
    interface CandleSource {
        List<MarketStats.Candle> candles(CurrencyPair pair, long seconds, long since, long until, int limit);
    }

    /** Every documented resolution in minutes: the 2023 list and the three added since. */
    static final List<Integer> RESOLUTIONS = List.of(1, 5, 15, 30, 60, 240, 360, 1440, 10080, 43200);
    private static final int OHLCV_POINTS = 300;
    private static final Duration TRADES_DEFAULT_WINDOW = Duration.ofDays(3);
    private static final Duration TRADES_MAX_WINDOW = Duration.ofDays(30);

    private final VenueSimulator sim;
    private final BtseAuth auth;
    private final CandleSource candles;
    private final Clock clock;

    BtseMarketRest(VenueSimulator sim, BtseAuth auth, CandleSource candles, Clock clock) {
        this.sim = sim;
        this.auth = auth;
        this.candles = candles;
        this.clock = clock;
    }

    void addTo(RouteTable table) {
        BtseSimulator.Scope q = BtseSimulator.Scope.QUERY;
        table.get("/market_summary", auth.publicly(q, p -> ok(summary(p))))
                .get("/ohlcv", auth.publicly(q, p -> ok(ohlcv(p))))
                .get("/price", auth.publicly(q, p -> ok(price(p))))
                .get("/orderbook", auth.publicly(q, p -> ok(book(p, limit(p, "limit_bids"), limit(p, "limit_asks")))))
                .get("/orderbook/L2", auth.publicly(q, p -> {
                    int depth = limit(p, "depth");
                    return ok(book(p, depth, depth));
                }))
                .get("/trades", auth.publicly(q, p -> ok(trades(p))))
                .get("/time", auth.publicly(q, p -> ok(time())));
    }

    private ArrayNode summary(Params p) {
        ArrayNode out = MAPPER.createArrayNode();
        for (MarketSpec m : markets(p, false)) {
            OrderBook book = sim.book(m.pair(), 1);
            MarketStats.Day day = MarketStats.day(sim.trades(m.pair()), clock.instant());
            BigDecimal last = day.last() == null ? BigDecimal.ZERO : day.last();
            BigDecimal change = day.open() == null || day.open().signum() == 0 ? BigDecimal.ZERO
                    : last.subtract(day.open()).multiply(BigDecimal.valueOf(100)).divide(day.open(), 2, RoundingMode.HALF_EVEN);
            ObjectNode row = out.addObject();
            row.put("symbol", BtseWire.symbol(m.pair())).put("last", number(last))
                    .put("lowestAsk", number(book.bestAsk().map(PriceLevel::price).orElse(BigDecimal.ZERO)))
                    .put("highestBid", number(book.bestBid().map(PriceLevel::price).orElse(BigDecimal.ZERO)))
                    .put("percentageChange", number(change)).put("volume", number(day.quoteVolume()))
                    .put("high24Hr", number(day.high())).put("low24Hr", number(day.low()))
                    .put("base", m.base()).put("quote", m.quote()).put("active", true)
                    .put("size", number(day.volume())).put("minValidPrice", number(m.tickSize()))
                    .put("minPriceIncrement", number(m.tickSize())).put("minOrderSize", number(m.minAmount()))
                    .put("maxOrderSize", number(m.maxAmount())).put("minSizeIncrement", number(m.lotSize()))
                    .put("openInterest", 0).put("openInterestUSD", 0).put("contractStart", 0).put("contractEnd", 0)
                    .put("timeBasedContract", false).put("openTime", 0).put("closeTime", 0).put("startMatching", 0)
                    .put("inactiveTime", 0).put("fundingRate", 0).put("contractSize", 0).put("maxPosition", 0)
                    .put("minRiskLimit", 0).put("maxRiskLimit", 0).putNull("availableSettlement")
                    .put("futures", false);
        }
        return out;
    }

    /** Rows {@code [time(s), open, high, low, close, volume]}, newest first, 300 points by default. */
    private ArrayNode ohlcv(Params p) {
        MarketSpec m = market(p, p.required("symbol"));
        long resolution = p.longValue("resolution", -1);
        if (!RESOLUTIONS.contains((int) resolution)) {
            throw p.badRequest("resolution must be one of " + RESOLUTIONS);
        }
        long seconds = resolution * 60;
        long start = p.longValue("start", 0) / 1000;
        long end = p.longValue("end", 0) / 1000;
        ArrayNode out = MAPPER.createArrayNode();
        List<MarketStats.Candle> list = candles.candles(m.pair(), seconds, start, end, OHLCV_POINTS);
        for (int i = list.size() - 1; i >= 0; i--) {
            MarketStats.Candle c = list.get(i);
            out.addArray().add(c.time()).add(number(c.open())).add(number(c.high())).add(number(c.low()))
                    .add(number(c.close())).add(number(c.volume()));
        }
        return out;
    }

    /** {@code symbol} is "required" in the table, but without it every market is listed, as the text says. */
    private ArrayNode price(Params p) {
        ArrayNode out = MAPPER.createArrayNode();
        for (MarketSpec m : markets(p, false)) {
            BigDecimal last = sim.trades(m.pair()).isEmpty() ? mid(m.pair())
                    : lastOf(sim.trades(m.pair()));
            out.addObject().put("symbol", BtseWire.symbol(m.pair())).put("indexPrice", number(last))
                    .put("lastPrice", number(last)).put("markPrice", number(last));
        }
        return out;
    }

    /** {@code buyQuote} best (highest) first, {@code sellQuote} best (lowest) first, prices and sizes as text. */
    private ObjectNode book(Params p, int bids, int asks) {
        MarketSpec m = market(p, p.required("symbol"));
        long group = p.longValue("group", 0);
        if (group < 0 || group > 8) {
            throw p.badRequest("group must be 0 to 8");
        }
        OrderBook book = BtseBookGrouping.group(sim.book(m.pair(), Math.max(bids, asks)), m, (int) group);
        ObjectNode out = MAPPER.createObjectNode();
        levels(out.putArray("buyQuote"), book.bids(), bids);
        levels(out.putArray("sellQuote"), book.asks(), asks);
        out.put("timestamp", clock.millis()).put("symbol", BtseWire.symbol(m.pair()));
        return out;
    }

    private static void levels(ArrayNode out, List<PriceLevel> levels, int limit) {
        levels.stream().limit(limit).forEach(l -> out.addObject().put("price", BtseWire.text(l.price()))
                .put("size", BtseWire.text(l.amount())));
    }

    /** Newest first; the window defaults to the last 3 days and may not exceed 30 days. */
    private ArrayNode trades(Params p) {
        MarketSpec m = market(p, p.required("symbol"));
        Instant end = p.has("endTime") ? Instant.ofEpochMilli(p.longValue("endTime", 0)) : clock.instant();
        Instant start = p.has("startTime") ? Instant.ofEpochMilli(p.longValue("startTime", 0))
                : end.minus(TRADES_DEFAULT_WINDOW);
        if (Duration.between(start, end).compareTo(TRADES_MAX_WINDOW) > 0) {
            throw p.badRequest("the time window may not exceed 30 days");
        }
        int count = p.bounded("count", 500, 1, 500);
        List<SimTrade> list = sim.trades(m.pair());
        ArrayNode out = MAPPER.createArrayNode();
        for (int i = list.size() - 1; i >= 0 && out.size() < count; i--) {
            SimTrade t = list.get(i);
            if (t.time().isBefore(start) || t.time().isAfter(end)) {
                continue;
            }
            out.addObject().put("price", number(t.price())).put("size", number(t.amount()))
                    .put("side", BtseWire.side(t.takerSide())).put("symbol", BtseWire.symbol(t.pair()))
                    .put("serialId", t.id()).put("timestamp", t.time().toEpochMilli());
        }
        return out;
    }

    private ObjectNode time() {
        Instant now = clock.instant();
        return MAPPER.createObjectNode().put("iso", now.toString()).put("epoch", now.getEpochSecond());
    }

    // ---------------------------------------------------------------- helpers

    private List<MarketSpec> markets(Params p, boolean required) {
        String symbol = required ? p.required("symbol") : p.text("symbol");
        return symbol == null || symbol.isBlank() ? sim.markets() : List.of(market(p, symbol));
    }

    MarketSpec market(Params p, String symbol) {
        return market(sim, p, symbol);
    }

    static MarketSpec market(VenueSimulator sim, Params p, String symbol) {
        CurrencyPair pair = BtseWire.pair(symbol);
        return sim.market(pair).orElseThrow(() -> p.badRequest("Invalid symbol " + symbol));
    }

    private static int limit(Params p, String name) {
        return p.bounded(name, 50, 0, 500);
    }

    private BigDecimal mid(CurrencyPair pair) {
        return sim.book(pair, 1).mid().orElse(BigDecimal.ZERO);
    }

    private static BigDecimal lastOf(List<SimTrade> trades) {
        return trades.get(trades.size() - 1).price();
    }

    private static Mono<io.exflux.testkit.server.FakeResponse> ok(Object node) {
        return Mono.just(BtseWire.ok(node));
    }
}
