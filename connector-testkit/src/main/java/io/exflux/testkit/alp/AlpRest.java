package io.exflux.testkit.alp;

import static io.exflux.testkit.alp.AlpWire.MAPPER;
import static io.exflux.testkit.alp.AlpWire.number;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.OrderBook;
import io.exflux.api.model.OrderType;
import io.exflux.api.model.PriceLevel;
import io.exflux.api.model.Side;
import io.exflux.api.model.TimeInForce;
import io.exflux.testkit.server.FakeResponse;
import io.exflux.testkit.server.RecordedRequest;
import io.exflux.testkit.sim.MarketSpec;
import io.exflux.testkit.sim.SimBalance;
import io.exflux.testkit.sim.SimOrder;
import io.exflux.testkit.sim.SimOrderRequest;
import io.exflux.testkit.sim.SimRejectedException;
import io.exflux.testkit.sim.SimTrade;
import io.exflux.testkit.sim.StopCondition;
import io.exflux.testkit.sim.VenueSimulator;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * ALP REST v3 on top of the simulator: the public endpoints answer from snapshots, the private ones
 * run on the simulator thread. Error bodies are {@code {"code":..., "message":...}}; a bad or missing
 * {@code X-SIGN} is 403 {@code FORBIDDEN} "Missing signature or insufficient permissions" (the docs'
 * text for that code).
 */
final class AlpRest {

    private static final Logger LOG = LoggerFactory.getLogger(AlpRest.class);
    private static final String PREFIX = "/api/v3";
    private static final int BOOK_LEVELS = 20;

    private final VenueSimulator sim;
    private final AlpAccounts accounts;
    private final AlpJwt jwt;
    private final ActivityLog activity;
    private final RequestBudget budget;
    private final AlpFaults faults;
    private final Supplier<java.time.Duration> jwtLifetime;

    AlpRest(VenueSimulator sim, AlpAccounts accounts, AlpJwt jwt, ActivityLog activity, RequestBudget budget,
            AlpFaults faults, Supplier<java.time.Duration> jwtLifetime) {
        this.sim = sim;
        this.accounts = accounts;
        this.jwt = jwt;
        this.activity = activity;
        this.budget = budget;
        this.faults = faults;
        this.jwtLifetime = jwtLifetime;
    }

    /** Answers one request under {@code /api/v3}. */
    Mono<FakeResponse> handle(RecordedRequest request) {
        return Mono.defer(() -> {
            FakeResponse fault = faults.nextAnswer();
            if (fault != null) {
                return Mono.just(fault);
            }
            if (!budget.tryAcquire()) {
                return Mono.just(FakeResponse.json(429, AlpWire.error("TOO_MANY_REQUESTS", "too many requests"))
                        .withHeader("Retry-After", "1"));
            }
            return route(request);
        }).onErrorResume(SimRejectedException.class, rejected -> Mono.just(rejection(rejected)))
                .onErrorResume(BadRequest.class, bad -> Mono.just(bad.response))
                .onErrorResume(failure -> {
                    LOG.error("simulated ALP endpoint {} {} failed", request.method(), request.path(), failure);
                    return Mono.just(json(500, AlpWire.error("INTERNAL_ERROR", "internal error")));
                })
                .map(faults::delayed);
    }

    private Mono<FakeResponse> route(RecordedRequest request) {
        String path = request.path();
        if (path.length() > PREFIX.length() + 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String endpoint = path.substring(PREFIX.length());
        String method = request.method();
        if (method.equals("GET")) {
            switch (endpoint) {
                case "/time":
                    return ok(MAPPER.createObjectNode().put("serverTime", now().getEpochSecond()));
                case "/currency-rates":
                    return ok(currencyRates());
                case "/currencies":
                    return ok(currencies());
                case "/pairs":
                    return ok(pairs(request));
                case "/ticker":
                    return ok(tickers(request));
                case "/orderbook":
                    return ok(orderbook(request));
                case "/charts":
                    return ok(charts(request));
                case "/trades":
                    return ok(trades(request));
                default:
                    break;
            }
        }
        if (method.equals("POST") && endpoint.equals("/auth")) {
            return Mono.just(auth(request));
        }
        OptionalLong account = authenticate(request);
        if (account.isEmpty()) {
            return Mono.just(unauthorized(request));
        }
        long id = account.getAsLong();
        if (method.equals("GET")) {
            switch (endpoint) {
                case "/accounts/accounts":
                    return ok(accountList(id));
                case "/accounts/balances":
                    return sim.balances(id).map(list -> okNow(balances(list, request.queryParam("currency"))));
                case "/accounts/feeinfo":
                    return sim.call(ex -> feeInfo(id, ex.makerFeeRate(), ex.takerFeeRate())).map(this::okNow);
                case "/accounts/order":
                    return sim.orders(id).map(list -> okNow(orders(list, request)));
                case "/accounts/trades":
                    return ok(accountTrades(id, request));
                case "/accounts/activity":
                    return ok(activity(id, request));
                default:
                    return Mono.just(notFound());
            }
        }
        if (endpoint.equals("/trading/order") && (method.equals("POST") || method.equals("DELETE"))) {
            if (!signatureOk(id, request)) {
                return Mono.just(json(403, AlpWire.error("FORBIDDEN", "Missing signature or insufficient permissions")));
            }
            JsonNode body = body(request);
            return method.equals("POST") ? placeOrder(id, body) : cancelOrders(id, body);
        }
        return Mono.just(notFound());
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
        Set<String> codes = new LinkedHashSet<>();
        sim.markets().forEach(m -> {
            codes.add(m.base());
            codes.add(m.quote());
        });
        ArrayNode out = MAPPER.createArrayNode();
        codes.forEach(code -> out.addObject().put("short_name", code).put("sign", code));
        return out;
    }

    private ArrayNode pairs(RecordedRequest request) {
        String base = request.queryParam("currency1");
        String quote = request.queryParam("currency2");
        ArrayNode out = MAPPER.createArrayNode();
        for (MarketSpec m : sim.markets()) {
            if ((base != null && !base.equalsIgnoreCase(m.base())) || (quote != null && !quote.equalsIgnoreCase(m.quote()))) {
                continue;
            }
            out.addObject().put("name", AlpWire.symbol(m.pair())).put("currency1", m.base()).put("currency2", m.quote())
                    .put("price_precision", m.pricePrecision()).put("amount_precision", m.amountPrecision())
                    .put("minimum_order_size", number(m.minAmount())).put("maximum_order_size", number(m.maxAmount()))
                    .put("minimum_order_value", number(m.minValue()));
        }
        return out;
    }

    private ArrayNode tickers(RecordedRequest request) {
        String only = request.queryParam("pair");
        if (only != null) {
            market(only);
        }
        ArrayNode out = MAPPER.createArrayNode();
        Instant now = now();
        for (MarketSpec m : sim.markets()) {
            if (only != null && !only.equals(AlpWire.symbol(m.pair()))) {
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

    private ObjectNode orderbook(RecordedRequest request) {
        MarketSpec m = market(required(request, "pair"));
        int buyLimit = levels(request.queryParam("limit_buy"));
        int sellLimit = levels(request.queryParam("limit_sell"));
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

    private ArrayNode charts(RecordedRequest request) {
        MarketSpec m = market(required(request, "pair"));
        long width = intervalSeconds(required(request, "interval"));
        int limit = (int) Math.min(500, Math.max(1, longParam(request, "limit", 500)));
        List<MarketStats.Candle> candles = MarketStats.candles(sim.trades(m.pair()), width,
                longParam(request, "since", 0), longParam(request, "until", 0), limit);
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

    private ArrayNode trades(RecordedRequest request) {
        MarketSpec m = market(required(request, "pair"));
        int limit = (int) Math.min(1000, Math.max(1, longParam(request, "limit", 100)));
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

    // ---------------------------------------------------------------- auth

    private FakeResponse auth(RecordedRequest request) {
        JsonNode body = body(request);
        String key = text(body, "api_key");
        String secret = text(body, "api_secret");
        if (key == null || secret == null) {
            return json(422, AlpWire.error("VALIDATION_ERROR", "api_key and api_secret are required"));
        }
        return accounts.byKey(key).map(account -> {
            if (!MessageDigest.isEqual(account.apiSecret().getBytes(StandardCharsets.UTF_8),
                    secret.getBytes(StandardCharsets.UTF_8))) {
                return json(401, AlpWire.error("INVALID_SECRET", "invalid api secret"));
            }
            return json(200, MAPPER.getNodeFactory().textNode(jwt.issue(account.id(), jwtLifetime.get())).toString());
        }).orElseGet(() -> json(404, AlpWire.error("NOT_FOUND", "api key not found")));
    }

    private OptionalLong authenticate(RecordedRequest request) {
        String header = request.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return OptionalLong.empty();
        }
        OptionalLong id = jwt.verify(header.substring(7).trim());
        if (id.isPresent() && accounts.byId(id.getAsLong()).isEmpty()) {
            return OptionalLong.empty();
        }
        return id;
    }

    private FakeResponse unauthorized(RecordedRequest request) {
        String header = request.header("Authorization");
        String message = header == null ? "missing or invalid Authorization header" : "invalid or expired token";
        return json(401, AlpWire.error("UNAUTHORIZED", message));
    }

    private boolean signatureOk(long accountId, RecordedRequest request) {
        String sign = request.header("X-SIGN");
        if (sign == null) {
            return false;
        }
        String secret = accounts.byId(accountId).map(AlpAccount::apiSecret).orElse(null);
        if (secret == null) {
            return false;
        }
        byte[] expected = AlpJwt.hexHmac(secret, request.body()).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, sign.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
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

    private ArrayNode orders(List<SimOrder> list, RecordedRequest request) {
        String pair = request.queryParam("pair");
        boolean openOnly = "true".equalsIgnoreCase(request.queryParam("open_only"));
        Side side = AlpWire.parseSide(request.queryParam("side"));
        Instant start = time(request.queryParam("start_time"));
        Instant end = time(request.queryParam("end_time"));
        ArrayNode out = MAPPER.createArrayNode();
        for (SimOrder o : list) {
            if (out.size() >= 100) {
                break;
            }
            if ((pair != null && !pair.equals(AlpWire.symbol(o.pair()))) || (openOnly && o.status().isFinal())
                    || (side != null && side != o.side()) || (start != null && o.createdAt().isBefore(start))
                    || (end != null && !o.createdAt().isBefore(end))) {
                continue;
            }
            out.add(AlpWire.orderJson(o));
        }
        return out;
    }

    private ArrayNode accountTrades(long id, RecordedRequest request) {
        String pair = request.queryParam("pair");
        Side side = AlpWire.parseSide(request.queryParam("side"));
        Instant start = time(request.queryParam("start_time"));
        Instant end = time(request.queryParam("end_time"));
        int limit = (int) Math.min(100, Math.max(1, longParam(request, "limit", 100)));
        List<SimTrade> trades = sim.trades();
        ArrayNode out = MAPPER.createArrayNode();
        for (int i = trades.size() - 1; i >= 0 && out.size() < limit; i--) {
            SimTrade t = trades.get(i);
            if ((pair != null && !pair.equals(AlpWire.symbol(t.pair()))) || (start != null && t.time().isBefore(start))
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

    private ArrayNode activity(long id, RecordedRequest request) {
        int limit = (int) Math.min(1000, Math.max(1, longParam(request, "limit", 100)));
        int offset = (int) Math.max(0, longParam(request, "offset", 0));
        ArrayNode out = MAPPER.createArrayNode();
        activity.entries(id).stream().skip(offset).limit(limit).forEach(e -> out.addObject()
                .put("balance", number(e.balance())).put("reserve", number(e.reserve()))
                .put("currency", e.currency()).put("wallet_type", e.wallet())
                .put("last_update_at", AlpWire.iso(e.time())).put("account_id", e.accountId())
                .put("op_type", e.opType()));
        return out;
    }

    private Mono<FakeResponse> placeOrder(long accountId, JsonNode body) {
        MarketSpec m = market(requiredField(body, "pair"));
        OrderType type = AlpWire.parseOrderType(text(body, "order_type"));
        if (type == null) {
            throw badRequest("BAD_REQUEST", "invalid order_type");
        }
        Side side = AlpWire.parseSide(text(body, "order_side"));
        if (side == null) {
            throw badRequest("BAD_REQUEST", "invalid order_side");
        }
        String wallet = AlpWire.parseWallet(requiredField(body, "wallet_type"));
        if (wallet == null) {
            throw badRequest("BAD_REQUEST", "invalid wallet_type");
        }
        BigDecimal base = decimal(body, "base_amount", "1003", "invalid order amount");
        BigDecimal quote = decimal(body, "quote_amount", "1003", "invalid order amount");
        BigDecimal limitPrice = decimal(body, "limit_price", "BAD_REQUEST", "invalid limit_price");
        BigDecimal stopPrice = decimal(body, "stop_price", "BAD_REQUEST", "invalid stop_price");
        boolean limit = type == OrderType.LIMIT || type == OrderType.STOP_LIMIT;
        boolean stop = type == OrderType.STOP_LIMIT || type == OrderType.STOP_MARKET;
        if (limit ? base == null || quote != null : (base == null) == (quote == null)) {
            throw badRequest("1003", "invalid order amount");
        }
        if (limit && limitPrice == null) {
            throw badRequest("BAD_REQUEST", "limit_price is required");
        }
        if (stop && stopPrice == null) {
            throw badRequest("BAD_REQUEST", "stop_price is required");
        }
        StopCondition condition = null;
        String operator = text(body, "stop_operator");
        if (stop && operator != null) {
            if (operator.equalsIgnoreCase("GTE")) {
                condition = StopCondition.AT_OR_ABOVE;
            } else if (operator.equalsIgnoreCase("LTE")) {
                condition = StopCondition.AT_OR_BELOW;
            } else {
                throw badRequest("BAD_REQUEST", "invalid stop_operator");
            }
        }
        TimeInForce tif = TimeInForce.GTC;
        String tifText = text(body, "tif");
        if (tifText != null) {
            switch (tifText.toUpperCase(Locale.ROOT)) {
                case "GTC":
                    tif = TimeInForce.GTC;
                    break;
                case "IOC":
                    tif = TimeInForce.IOC;
                    break;
                case "FOK":
                case "AON":
                    tif = TimeInForce.FOK;
                    break;
                default:
                    throw badRequest("BAD_REQUEST", "invalid tif");
            }
        }
        if (!limit) {
            tif = TimeInForce.IOC;
        }
        boolean postOnly = body.path("post_only").asBoolean(false);
        SimOrderRequest order = new SimOrderRequest(accountId, m.pair(), side, type, tif, postOnly, base,
                quote, limit ? limitPrice : null, stop ? stopPrice : null, condition, wallet,
                text(body, "client_order_id"));
        return sim.place(order).map(placed -> okNow(MAPPER.createArrayNode().add(placed.id())));
    }

    private Mono<FakeResponse> cancelOrders(long accountId, JsonNode body) {
        JsonNode ids = body.get("order_ids");
        JsonNode all = body.get("all");
        JsonNode pair = body.get("pair");
        int given = (ids == null || ids.isNull() ? 0 : 1) + (all == null || all.isNull() ? 0 : 1)
                + (pair == null || pair.isNull() ? 0 : 1);
        if (given != 1) {
            throw badRequest("BAD_REQUEST", "exactly one of order_ids, all or pair must be specified");
        }
        if (ids != null && !ids.isNull()) {
            if (!ids.isArray() || ids.isEmpty()) {
                throw badRequest("BAD_REQUEST", "order_ids must be a non-empty array");
            }
            List<Long> list = new ArrayList<>();
            for (JsonNode id : ids) {
                try {
                    list.add(id.isNumber() ? id.longValue() : Long.parseLong(id.asText().trim()));
                } catch (NumberFormatException notAnId) {
                    throw badRequest("BAD_REQUEST", "invalid order id");
                }
            }
            return sim.call(ex -> {
                ObjectNode result = MAPPER.createObjectNode();
                for (Long id : list) {
                    try {
                        ex.cancel(accountId, id);
                        result.put(Long.toString(id), "CANCELLED");
                    } catch (SimRejectedException notFound) {
                        result.put(Long.toString(id), "order not found");
                    }
                }
                return result;
            }).map(this::okNow);
        }
        CurrencyPair only = null;
        if (pair != null && !pair.isNull()) {
            only = market(pair.asText()).pair();
        } else if (!all.asBoolean(false)) {
            throw badRequest("BAD_REQUEST", "all must be true");
        }
        CurrencyPair scope = only;
        return sim.call(ex -> ex.cancelAll(accountId, scope)).thenReturn(FakeResponse.status(202));
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

    private MarketSpec market(String symbol) {
        CurrencyPair pair = AlpWire.pair(symbol);
        return (pair == null ? java.util.Optional.<MarketSpec>empty() : sim.market(pair))
                .orElseThrow(() -> badRequest("BAD_REQUEST", "pair not found"));
    }

    private static String required(RecordedRequest request, String name) {
        String value = request.queryParam(name);
        if (value == null || value.isBlank()) {
            throw badRequest("BAD_REQUEST", name + " is required");
        }
        return value;
    }

    private static String requiredField(JsonNode body, String name) {
        String value = text(body, name);
        if (value == null || value.isBlank()) {
            throw badRequest("BAD_REQUEST", name + " is required");
        }
        return value;
    }

    private static int levels(String text) {
        if (text == null) {
            return BOOK_LEVELS;
        }
        try {
            int value = Integer.parseInt(text.trim());
            return value <= 0 ? BOOK_LEVELS : Math.min(value, BOOK_LEVELS);
        } catch (NumberFormatException notANumber) {
            throw badRequest("BAD_REQUEST", "invalid limit");
        }
    }

    private static long longParam(RecordedRequest request, String name, long fallback) {
        String text = request.queryParam(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException notANumber) {
            throw badRequest("BAD_REQUEST", "invalid " + name);
        }
    }

    /** Unix seconds (docs) or ISO-8601 (the official client); null when absent. */
    private static Instant time(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.ofEpochSecond(Long.parseLong(text.trim()));
        } catch (NumberFormatException notSeconds) {
            try {
                return java.time.OffsetDateTime.parse(text.trim()).toInstant();
            } catch (DateTimeParseException notIso) {
                try {
                    return java.time.LocalDateTime.parse(text.trim()).toInstant(java.time.ZoneOffset.UTC);
                } catch (DateTimeParseException neither) {
                    throw badRequest("BAD_REQUEST", "invalid time: " + text);
                }
            }
        }
    }

    private static long intervalSeconds(String interval) {
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
                throw badRequest("BAD_REQUEST", "invalid interval");
        }
    }

    private static JsonNode body(RecordedRequest request) {
        byte[] bytes = request.body();
        if (bytes.length == 0) {
            return MAPPER.createObjectNode();
        }
        try {
            JsonNode node = MAPPER.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw badRequest("BAD_REQUEST", "body must be a JSON object");
            }
            return node;
        } catch (IOException malformed) {
            throw badRequest("BAD_REQUEST", "malformed JSON body");
        }
    }

    private static String text(JsonNode body, String name) {
        JsonNode node = body.get(name);
        if (node == null || node.isNull() || node.isContainerNode()) {
            return null;
        }
        return node.asText();
    }

    /** A decimal given as a JSON string or number; null when absent. */
    private static BigDecimal decimal(JsonNode body, String name, String code, String message) {
        JsonNode node = body.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isTextual()) {
            try {
                return new BigDecimal(node.asText().trim());
            } catch (NumberFormatException notANumber) {
                throw badRequest(code, message);
            }
        }
        throw badRequest(code, message);
    }

    private static FakeResponse rejection(SimRejectedException rejected) {
        switch (rejected.reason()) {
            case INVALID_AMOUNT:
                return json(400, AlpWire.error("1003", "invalid order amount"));
            case AMOUNT_TOO_SMALL:
            case AMOUNT_TOO_LARGE:
            case VALUE_TOO_SMALL:
                return json(400, AlpWire.error("1003", rejected.getMessage()));
            case INSUFFICIENT_FUNDS:
                return json(400, AlpWire.error("INSUFFICIENT_FUNDS", "insufficient funds"));
            case ORDER_NOT_FOUND:
                return json(404, AlpWire.error("NOT_FOUND", "order not found"));
            case UNKNOWN_ACCOUNT:
                return json(401, AlpWire.error("UNAUTHORIZED", "account not found"));
            default:
                return json(400, AlpWire.error("BAD_REQUEST", rejected.getMessage()));
        }
    }

    private static FakeResponse notFound() {
        return json(404, AlpWire.error("NOT_FOUND", "not found"));
    }

    private Mono<FakeResponse> ok(JsonNode node) {
        return Mono.just(okNow(node));
    }

    private FakeResponse okNow(JsonNode node) {
        return json(200, node.toString());
    }

    private static FakeResponse json(int status, String body) {
        return FakeResponse.json(status, body);
    }

    private static BadRequest badRequest(String code, String message) {
        return new BadRequest(json(400, AlpWire.error(code, message)));
    }

    /** A request refused before it reached the simulator; carries the answer. */
    private static final class BadRequest extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient FakeResponse response;

        BadRequest(FakeResponse response) {
            super(null, null, false, false);
            this.response = response;
        }
    }
}
