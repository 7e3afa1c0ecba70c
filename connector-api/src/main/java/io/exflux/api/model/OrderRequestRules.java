package io.exflux.api.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The venue-neutral checks an order request must pass before anything is sent. Each violation is a
 * sentence that names the rule, for example {@code "price 1.234 has 3 decimals, BTC/USDT allows 2"}.
 */
public final class OrderRequestRules {

    private OrderRequestRules() {
    }

    /** Checks that need no market data: present fields, positive numbers. */
    public static List<String> violations(OrderRequest request) {
        List<String> out = new ArrayList<>();
        if (request == null) {
            out.add("order request is null");
            return out;
        }
        if (request.pair() == null) {
            out.add("pair is required");
        }
        if (request.side() == null) {
            out.add("side is required");
        }
        if (request.clientOrderId() != null && request.clientOrderId().isBlank()) {
            out.add("clientOrderId must not be blank");
        }
        positive(out, "amount", amount(request));
        if (request instanceof OrderRequest.Limit l) {
            positive(out, "price", l.price());
            if (l.timeInForce() == null) {
                out.add("timeInForce is required");
            }
            if (l.postOnly() && l.timeInForce() != null && l.timeInForce() != TimeInForce.GTC) {
                out.add("postOnly needs timeInForce GTC, not " + l.timeInForce());
            }
        } else if (request instanceof OrderRequest.Market m) {
            if (m.unit() == null) {
                out.add("market order amount unit (BASE or QUOTE) is required");
            }
        } else if (request instanceof OrderRequest.StopLimit s) {
            positive(out, "stopPrice", s.stopPrice());
            positive(out, "price", s.price());
            if (s.trigger() == null) {
                out.add("stop trigger direction is required");
            }
        } else if (request instanceof OrderRequest.StopMarket s) {
            positive(out, "stopPrice", s.stopPrice());
            if (s.trigger() == null) {
                out.add("stop trigger direction is required");
            }
        }
        return out;
    }

    /** All of {@link #violations(OrderRequest)} plus the market's precision, size and value limits. */
    public static List<String> violations(OrderRequest request, PairInfo info) {
        List<String> out = violations(request);
        if (!out.isEmpty() || info == null) {
            return out;
        }
        String market = info.pair().toString();
        BigDecimal price = limitPrice(request);
        BigDecimal stop = stopPrice(request);
        BigDecimal baseAmount = baseAmount(request);
        scale(out, "price", price, info.priceScale(), market);
        scale(out, "stopPrice", stop, info.priceScale(), market);
        if (baseAmount != null) {
            scale(out, "amount", baseAmount, info.amountScale(), market);
            if (info.minAmount() != null && baseAmount.compareTo(info.minAmount()) < 0) {
                out.add("amount " + Decimals.show(baseAmount) + " is below the minimum order size "
                        + Decimals.show(info.minAmount().stripTrailingZeros()) + " of " + market);
            }
            if (info.maxAmount() != null && info.maxAmount().signum() > 0
                    && baseAmount.compareTo(info.maxAmount()) > 0) {
                out.add("amount " + Decimals.show(baseAmount) + " is above the maximum order size "
                        + Decimals.show(info.maxAmount().stripTrailingZeros()) + " of " + market);
            }
        }
        BigDecimal value = notional(request);
        if (value != null && info.minNotional() != null && value.compareTo(info.minNotional()) < 0) {
            out.add("order value " + Decimals.show(value.stripTrailingZeros()) + " is below the minimum order value "
                    + Decimals.show(info.minNotional().stripTrailingZeros()) + " of " + market);
        }
        return out;
    }

    /** The request's amount, in whichever unit it is counted. */
    public static BigDecimal amount(OrderRequest request) {
        if (request instanceof OrderRequest.Limit l) {
            return l.amount();
        } else if (request instanceof OrderRequest.Market m) {
            return m.amount();
        } else if (request instanceof OrderRequest.StopLimit s) {
            return s.amount();
        }
        return ((OrderRequest.StopMarket) request).amount();
    }

    /** The limit price, or {@code null} for market and stop-market orders. */
    public static BigDecimal limitPrice(OrderRequest request) {
        if (request instanceof OrderRequest.Limit l) {
            return l.price();
        } else if (request instanceof OrderRequest.StopLimit s) {
            return s.price();
        }
        return null;
    }

    /** The stop price, or {@code null} for limit and market orders. */
    public static BigDecimal stopPrice(OrderRequest request) {
        if (request instanceof OrderRequest.StopLimit s) {
            return s.stopPrice();
        } else if (request instanceof OrderRequest.StopMarket s) {
            return s.stopPrice();
        }
        return null;
    }

    /** The amount in base currency, or {@code null} for a market order sized in quote. */
    public static BigDecimal baseAmount(OrderRequest request) {
        if (request instanceof OrderRequest.Market m) {
            return m.unit() == OrderRequest.AmountUnit.BASE ? m.amount() : null;
        }
        return amount(request);
    }

    /** The order's value in quote currency where it is known before execution, else {@code null}. */
    public static BigDecimal notional(OrderRequest request) {
        if (request instanceof OrderRequest.Market m) {
            return m.unit() == OrderRequest.AmountUnit.QUOTE ? m.amount() : null;
        }
        BigDecimal price = request instanceof OrderRequest.StopMarket s ? s.stopPrice() : limitPrice(request);
        return amount(request).multiply(price);
    }

    private static void positive(List<String> out, String name, BigDecimal value) {
        if (value == null) {
            out.add(name + " is required");
        } else if (value.signum() <= 0) {
            out.add(name + " must be positive, was " + Decimals.show(value));
        }
    }

    private static void scale(List<String> out, String name, BigDecimal value, int allowed, String market) {
        if (value == null) {
            return;
        }
        int decimals = Math.max(0, value.stripTrailingZeros().scale());
        if (decimals > allowed) {
            out.add(name + " " + Decimals.show(value) + " has " + decimals + " decimals, " + market
                    + " allows " + allowed);
        }
    }
}
