package io.exflux.testkit.alp;

import static io.exflux.testkit.alp.AlpWire.MAPPER;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.OrderType;
import io.exflux.api.model.Side;
import io.exflux.api.model.TimeInForce;
import io.exflux.testkit.server.FakeResponse;
import io.exflux.testkit.server.Params;
import io.exflux.testkit.server.RequestRefused;
import io.exflux.testkit.sim.MarketSpec;
import io.exflux.testkit.sim.SimOrderRequest;
import io.exflux.testkit.sim.SimRejectedException;
import io.exflux.testkit.sim.StopCondition;
import io.exflux.testkit.sim.VenueSimulator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * {@code POST} and {@code DELETE /trading/order}: ALP's order body (amounts and prices as strings or
 * numbers, BUY/SELL/BID/ASK, both margin wallet spellings, {@code tif} with AON run as FOK) to the
 * simulator's order, and the three ways to cancel (ids, all, pair).
 */
final class AlpTrading {

    /** Ids of orders placed as AON (run as FOK), so they are reported as sent; bounded, oldest forgotten first. */
    private static final int AON_MEMORY = 10_000;

    private final VenueSimulator sim;
    private final Set<Long> allOrNone = Collections.newSetFromMap(Collections.synchronizedMap(
            new LinkedHashMap<>() {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
                    return size() > AON_MEMORY;
                }
            }));

    AlpTrading(VenueSimulator sim) {
        this.sim = sim;
    }

    /** Whether this order was placed as AON (then reported as AON although it ran as FOK). */
    boolean allOrNone(long orderId) {
        return allOrNone.contains(orderId);
    }

    Mono<FakeResponse> place(long accountId, Params p) {
        MarketSpec m = AlpWire.market(sim, p, p.required("pair"));
        OrderType type = AlpWire.parseOrderType(p.text("order_type"));
        if (type == null) {
            throw p.badRequest("invalid order_type");
        }
        Side side = AlpWire.parseSide(p.text("order_side"));
        if (side == null) {
            throw p.badRequest("invalid order_side");
        }
        String wallet = AlpWire.parseWallet(p.required("wallet_type"));
        if (wallet == null) {
            throw p.badRequest("invalid wallet_type");
        }
        Supplier<RequestRefused> badAmount = () -> new RequestRefused(FakeResponse.json(400, AlpWire.error("1003", "invalid order amount")));
        BigDecimal base = p.decimal("base_amount", badAmount);
        BigDecimal quote = p.decimal("quote_amount", badAmount);
        BigDecimal limitPrice = p.decimal("limit_price");
        BigDecimal stopPrice = p.decimal("stop_price");
        boolean limit = type == OrderType.LIMIT || type == OrderType.STOP_LIMIT;
        boolean stop = type == OrderType.STOP_LIMIT || type == OrderType.STOP_MARKET;
        if (limit ? base == null || quote != null : (base == null) == (quote == null)) {
            throw badAmount.get();
        }
        if (limit && limitPrice == null) {
            throw p.badRequest("limit_price is required");
        }
        if (stop && stopPrice == null) {
            throw p.badRequest("stop_price is required");
        }
        StopCondition condition = null;
        String operator = p.text("stop_operator");
        if (stop && operator != null) {
            if (operator.equalsIgnoreCase("GTE")) {
                condition = StopCondition.AT_OR_ABOVE;
            } else if (operator.equalsIgnoreCase("LTE")) {
                condition = StopCondition.AT_OR_BELOW;
            } else {
                throw p.badRequest("invalid stop_operator");
            }
        }
        String tifText = p.text("tif");
        boolean aon = tifText != null && tifText.equalsIgnoreCase("AON");
        TimeInForce tif = limit ? timeInForce(p, tifText) : TimeInForce.IOC;
        SimOrderRequest order = new SimOrderRequest(accountId, m.pair(), side, type, tif, p.flag("post_only"), base,
                quote, limit ? limitPrice : null, stop ? stopPrice : null, condition, wallet,
                p.text("client_order_id"));
        return sim.place(order).map(placed -> {
            if (aon && limit) {
                allOrNone.add(placed.id());
            }
            return AlpWire.ok(MAPPER.createArrayNode().add(placed.id()));
        });
    }

    /** GTC, IOC, FOK; AON runs as FOK (all or nothing at once) and is reported as AON. */
    private static TimeInForce timeInForce(Params p, String text) {
        if (text == null) {
            return TimeInForce.GTC;
        }
        switch (text.toUpperCase(Locale.ROOT)) {
            case "GTC":
                return TimeInForce.GTC;
            case "IOC":
                return TimeInForce.IOC;
            case "FOK":
            case "AON":
                return TimeInForce.FOK;
            default:
                throw p.badRequest("invalid tif");
        }
    }

    Mono<FakeResponse> cancel(long accountId, Params p) {
        JsonNode ids = p.node("order_ids");
        JsonNode all = p.node("all");
        JsonNode pair = p.node("pair");
        int given = (ids == null ? 0 : 1) + (all == null ? 0 : 1) + (pair == null ? 0 : 1);
        if (given != 1) {
            throw p.badRequest("exactly one of order_ids, all or pair must be specified");
        }
        if (ids != null) {
            if (!ids.isArray() || ids.isEmpty()) {
                throw p.badRequest("order_ids must be a non-empty array");
            }
            List<Long> list = new ArrayList<>();
            for (JsonNode id : ids) {
                try {
                    list.add(id.isNumber() ? id.longValue() : Long.parseLong(id.asText().trim()));
                } catch (NumberFormatException notAnId) {
                    throw p.badRequest("invalid order id");
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
            }).map(AlpWire::ok);
        }
        CurrencyPair only = null;
        if (pair != null) {
            only = AlpWire.market(sim, p, pair.asText()).pair();
        } else if (!all.asBoolean(false)) {
            throw p.badRequest("all must be true");
        }
        CurrencyPair scope = only;
        return sim.call(ex -> ex.cancelAll(accountId, scope)).thenReturn(FakeResponse.status(202));
    }
}
