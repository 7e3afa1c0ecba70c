package io.exflux.reactive.venue.alp.internal;

import static io.exflux.reactive.venue.alp.internal.AlpOrderRequests.Presence.FORBIDDEN;
import static io.exflux.reactive.venue.alp.internal.AlpOrderRequests.Presence.OPTIONAL;
import static io.exflux.reactive.venue.alp.internal.AlpOrderRequests.Presence.REQUIRED;

import io.exflux.api.error.ErrorContext;
import io.exflux.api.error.InvalidRequestException;
import io.exflux.api.model.OrderRequest;
import io.exflux.api.model.OrderRequestRules;
import io.exflux.api.model.PairInfo;
import io.exflux.api.model.Side;
import io.exflux.api.model.TimeInForce;
import io.exflux.reactive.internal.codec.BoundedDecimals;
import io.exflux.reactive.venue.alp.AlpSymbols;
import io.exflux.reactive.venue.alp.model.AlpOrderRequest;
import io.exflux.reactive.venue.alp.model.AlpOrderType;
import io.exflux.reactive.venue.alp.model.AlpSide;
import io.exflux.reactive.venue.alp.model.AlpStopOperator;
import io.exflux.reactive.venue.alp.model.AlpWalletType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Checks a unified {@link OrderRequest} against ALP's rules and the market's limits, and turns it
 * into ALP's request. Every violation is named in the message of one {@link InvalidRequestException}.
 */
public final class AlpOrderRequests {

    /**
     * Longest {@code client_order_id} we send. ALP documents no limit; a caller's id of megabytes must not become a
     * request body, and 64 characters hold any UUID or prefixed id.
     */
    public static final int MAX_CLIENT_ORDER_ID_LENGTH = 64;

    private AlpOrderRequests() {
    }

    /**
     * The violations of {@code request} on ALP, given the venue's markets by symbol. An unknown market,
     * the common rules of {@link OrderRequestRules}, and ALP's own: a market buy is sized in quote, a
     * market sell in base; no time in force but GTC (the place-order body has no such field); and the
     * body it becomes passes {@link #violations(AlpOrderRequest)}, the document's per-type table.
     */
    public static List<String> violations(OrderRequest request, Map<String, PairInfo> markets) {
        List<String> out = new ArrayList<>(OrderRequestRules.violations(request));
        if (request == null || request.pair() == null) {
            return out;
        }
        PairInfo info = markets.get(AlpSymbols.symbol(request.pair()));
        if (info == null) {
            out.add(AlpSymbols.unknown(request.pair()));
            return out;
        }
        if (request instanceof OrderRequest.Market m && m.unit() != null && request.side() != null) {
            if (request.side() == Side.BUY && m.unit() != OrderRequest.AmountUnit.QUOTE) {
                out.add("ALP requires a quote amount for a market BUY (use OrderRequest.marketByQuote)");
            }
            if (request.side() == Side.SELL && m.unit() != OrderRequest.AmountUnit.BASE) {
                out.add("ALP requires a base amount for a market SELL (use OrderRequest.market)");
            }
        }
        if (request instanceof OrderRequest.Limit l && l.timeInForce() != null && l.timeInForce() != TimeInForce.GTC) {
            out.add("ALP limit orders are GTC only, not " + l.timeInForce());
        }
        if (out.isEmpty()) {
            out.addAll(OrderRequestRules.violations(request, info));
        }
        if (out.isEmpty()) {
            out.addAll(violations(toAlp(request))); // the body we would send follows the document's table
        }
        return out;
    }

    /** The violations as one typed error, or {@code null} when there are none. */
    public static InvalidRequestException check(OrderRequest request, Map<String, PairInfo> markets) {
        List<String> violations = violations(request, markets);
        return violations.isEmpty() ? null
                : new InvalidRequestException("invalid ALP order: " + String.join("; ", violations),
                        ErrorContext.local("alp"));
    }

    /** The ALP request for a valid unified request (check it first). */
    public static AlpOrderRequest toAlp(OrderRequest request) {
        String pair = AlpSymbols.symbol(request.pair());
        AlpSide side = request.side() == Side.BUY ? AlpSide.BUY : AlpSide.SELL;
        AlpOrderRequest out;
        if (request instanceof OrderRequest.Limit l) {
            out = AlpOrderRequest.limit(pair, side, l.amount(), l.price());
            if (l.postOnly()) {
                out = out.withPostOnly(true);
            }
        } else if (request instanceof OrderRequest.Market m) {
            out = m.unit() == OrderRequest.AmountUnit.QUOTE ? AlpOrderRequest.marketByQuote(pair, side, m.amount())
                    : AlpOrderRequest.marketByBase(pair, side, m.amount());
        } else if (request instanceof OrderRequest.StopLimit s) {
            out = AlpOrderRequest.stopLimit(pair, side, s.amount(), s.price(), s.stopPrice(), operator(s.trigger()));
        } else {
            OrderRequest.StopMarket s = (OrderRequest.StopMarket) request;
            out = AlpOrderRequest.stopMarket(pair, side, s.amount(), s.stopPrice(), operator(s.trigger()));
        }
        return request.clientOrderId() == null ? out : out.withClientOrderId(request.clientOrderId());
    }

    /** Rises-to fires when the last price is greater than or equal to the stop: {@code GTE}. */
    static AlpStopOperator operator(OrderRequest.Trigger trigger) {
        return trigger == OrderRequest.Trigger.FALLS_TO ? AlpStopOperator.LTE : AlpStopOperator.GTE;
    }

    /** Whether a field of the place-order body is needed for one order type. */
    enum Presence { REQUIRED, OPTIONAL, FORBIDDEN }

    /** One row of the document's place-order table: the field and its presence per order type. */
    private record FieldRule(String name, Function<AlpOrderRequest, Object> value, Map<AlpOrderType, Presence> byType) {

        /** Columns in the document's order: Limit, Stop Limit, Stop Market, Market. */
        static FieldRule of(String name, Function<AlpOrderRequest, Object> value, Presence limit, Presence stopLimit,
                            Presence stopMarket, Presence market) {
            Map<AlpOrderType, Presence> byType = new EnumMap<>(AlpOrderType.class);
            byType.put(AlpOrderType.LIMIT, limit);
            byType.put(AlpOrderType.STOP_LIMIT, stopLimit);
            byType.put(AlpOrderType.STOP_MARKET, stopMarket);
            byType.put(AlpOrderType.MARKET, market);
            return new FieldRule(name, value, byType);
        }

        boolean requiredByAll() {
            return byType.values().stream().allMatch(p -> p == REQUIRED);
        }
    }

    /** The place-order table of ALP's document (see docs/venues/alp.md), row by row. */
    private static final List<FieldRule> TABLE = List.of(
            FieldRule.of("pair", r -> blankToNull(r.pair()), REQUIRED, REQUIRED, REQUIRED, REQUIRED),
            FieldRule.of("order_type", r -> known(r.orderType(), AlpOrderType.UNKNOWN),
                    REQUIRED, REQUIRED, REQUIRED, REQUIRED),
            FieldRule.of("order_side", r -> known(r.side(), AlpSide.UNKNOWN), REQUIRED, REQUIRED, REQUIRED, REQUIRED),
            FieldRule.of("wallet_type", r -> known(r.walletType(), AlpWalletType.UNKNOWN),
                    REQUIRED, REQUIRED, REQUIRED, REQUIRED),
            FieldRule.of("base_amount", AlpOrderRequest::baseAmount, REQUIRED, REQUIRED, REQUIRED, OPTIONAL),
            FieldRule.of("quote_amount", AlpOrderRequest::quoteAmount, FORBIDDEN, FORBIDDEN, FORBIDDEN, OPTIONAL),
            FieldRule.of("limit_price", AlpOrderRequest::limitPrice, REQUIRED, REQUIRED, FORBIDDEN, FORBIDDEN),
            FieldRule.of("stop_price", AlpOrderRequest::stopPrice, FORBIDDEN, REQUIRED, REQUIRED, FORBIDDEN),
            FieldRule.of("stop_operator", AlpOrderRequest::stopOperator, FORBIDDEN, REQUIRED, REQUIRED, FORBIDDEN),
            FieldRule.of("client_order_id", AlpOrderRequest::clientOrderId, OPTIONAL, OPTIONAL, OPTIONAL, OPTIONAL),
            FieldRule.of("post_only", AlpOrderRequest::postOnly, OPTIONAL, FORBIDDEN, FORBIDDEN, FORBIDDEN));

    /**
     * Checks a native request against the document's place-order table before anything is sent: the
     * fields each order type requires and those it does not take, positive amounts and prices, and the
     * note under the table (a market BUY is sized by {@code quote_amount}, a market SELL by
     * {@code base_amount}, never both).
     */
    public static List<String> violations(AlpOrderRequest r) {
        List<String> out = new ArrayList<>();
        AlpOrderType type = r.orderType() == AlpOrderType.UNKNOWN ? null : r.orderType();
        for (FieldRule rule : TABLE) {
            Object value = rule.value().apply(r);
            Presence presence = type == null ? (rule.requiredByAll() ? REQUIRED : OPTIONAL) : rule.byType().get(type);
            if (presence == REQUIRED && value == null) {
                out.add(rule.name() + " is required");
            } else if (presence == FORBIDDEN && value != null) {
                out.add(rule.name() + " is not allowed on a " + type + " order");
            }
        }
        positiveIfSet(out, "base_amount", r.baseAmount());
        positiveIfSet(out, "quote_amount", r.quoteAmount());
        positiveIfSet(out, "limit_price", r.limitPrice());
        positiveIfSet(out, "stop_price", r.stopPrice());
        if (r.clientOrderId() != null && r.clientOrderId().isBlank()) {
            out.add("client_order_id must not be blank");
        } else if (r.clientOrderId() != null && r.clientOrderId().length() > MAX_CLIENT_ORDER_ID_LENGTH) {
            out.add("client_order_id has " + r.clientOrderId().length() + " characters, at most "
                    + MAX_CLIENT_ORDER_ID_LENGTH + " are sent");
        }
        if (type == AlpOrderType.MARKET) {
            marketAmount(out, r);
        }
        return out;
    }

    private static void marketAmount(List<String> out, AlpOrderRequest r) {
        if (r.baseAmount() != null && r.quoteAmount() != null) {
            out.add("a MARKET order takes base_amount or quote_amount, not both");
        } else if (r.side() == AlpSide.BUY && r.quoteAmount() == null) {
            out.add("ALP requires quote_amount for a market BUY");
        } else if (r.side() == AlpSide.SELL && r.baseAmount() == null) {
            out.add("ALP requires base_amount for a market SELL");
        }
    }

    private static Object blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static <E extends Enum<E>> Object known(E value, E unknown) {
        return value == unknown ? null : value;
    }

    /**
     * Positive, and within {@link BoundedDecimals#MAX_DIGITS} digits on either side of the point: the body carries
     * numbers as plain text, and {@code 1E+999999999} in plain text is a gigabyte.
     */
    private static void positiveIfSet(List<String> out, String name, BigDecimal value) {
        if (value == null) {
            return;
        }
        String tooLong = BoundedDecimals.tooManyDigits(name, value);
        if (tooLong != null) {
            out.add(tooLong);
        } else if (value.signum() <= 0) {
            out.add(name + " must be positive, was " + value.toPlainString());
        }
    }
}
