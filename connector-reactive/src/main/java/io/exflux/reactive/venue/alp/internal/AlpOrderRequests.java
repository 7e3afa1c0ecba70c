package io.exflux.reactive.venue.alp.internal;

import io.exflux.api.error.ErrorContext;
import io.exflux.api.error.InvalidRequestException;
import io.exflux.api.model.OrderRequest;
import io.exflux.api.model.OrderRequestRules;
import io.exflux.api.model.PairInfo;
import io.exflux.api.model.Side;
import io.exflux.api.model.TimeInForce;
import io.exflux.reactive.venue.alp.AlpSymbols;
import io.exflux.reactive.venue.alp.model.AlpOrderRequest;
import io.exflux.reactive.venue.alp.model.AlpOrderType;
import io.exflux.reactive.venue.alp.model.AlpSide;
import io.exflux.reactive.venue.alp.model.AlpStopOperator;
import io.exflux.reactive.venue.alp.model.AlpWalletType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a unified {@link OrderRequest} against ALP's rules and the market's limits, and turns it
 * into ALP's request. Every violation is named in the message of one {@link InvalidRequestException}.
 */
public final class AlpOrderRequests {

    private AlpOrderRequests() {
    }

    /**
     * The violations of {@code request} on ALP, given the venue's markets by symbol. An unknown market,
     * the common rules of {@link OrderRequestRules}, and ALP's own: a market buy is sized in quote, a
     * market sell in base; no time in force but GTC (the place-order body has no such field).
     */
    public static List<String> violations(OrderRequest request, Map<String, PairInfo> markets) {
        List<String> out = new ArrayList<>(OrderRequestRules.violations(request));
        if (request == null || request.pair() == null) {
            return out;
        }
        PairInfo info = markets.get(AlpSymbols.symbol(request.pair()));
        if (info == null) {
            out.add("unknown pair " + request.pair() + ": ALP has no market " + AlpSymbols.symbol(request.pair()));
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

    /** Checks a native request: the fields each order type needs, before anything is sent. */
    public static List<String> violations(AlpOrderRequest r) {
        List<String> out = new ArrayList<>();
        if (r.pair() == null || r.pair().isBlank()) {
            out.add("pair is required");
        }
        if (r.orderType() == null || r.orderType() == AlpOrderType.UNKNOWN) {
            out.add("order_type is required");
        }
        if (r.side() == null || r.side() == AlpSide.UNKNOWN) {
            out.add("order_side is required");
        }
        if (r.walletType() == null || r.walletType() == AlpWalletType.UNKNOWN) {
            out.add("wallet_type is required");
        }
        positiveIfSet(out, "base_amount", r.baseAmount());
        positiveIfSet(out, "quote_amount", r.quoteAmount());
        positiveIfSet(out, "limit_price", r.limitPrice());
        positiveIfSet(out, "stop_price", r.stopPrice());
        if (r.orderType() == null) {
            return out;
        }
        switch (r.orderType()) {
            case LIMIT:
                required(out, "base_amount", r.baseAmount());
                required(out, "limit_price", r.limitPrice());
                break;
            case STOP_LIMIT:
                required(out, "base_amount", r.baseAmount());
                required(out, "limit_price", r.limitPrice());
                required(out, "stop_price", r.stopPrice());
                required(out, "stop_operator", r.stopOperator());
                break;
            case STOP_MARKET:
                required(out, "base_amount", r.baseAmount());
                required(out, "stop_price", r.stopPrice());
                required(out, "stop_operator", r.stopOperator());
                break;
            case MARKET:
                if (r.side() == AlpSide.BUY && r.quoteAmount() == null) {
                    out.add("ALP requires quote_amount for a market BUY");
                }
                if (r.side() == AlpSide.SELL && r.baseAmount() == null) {
                    out.add("ALP requires base_amount for a market SELL");
                }
                break;
            default:
                break;
        }
        return out;
    }

    private static void required(List<String> out, String name, Object value) {
        if (value == null) {
            out.add(name + " is required");
        }
    }

    private static void positiveIfSet(List<String> out, String name, java.math.BigDecimal value) {
        if (value != null && value.signum() <= 0) {
            out.add(name + " must be positive, was " + value.toPlainString());
        }
    }
}
