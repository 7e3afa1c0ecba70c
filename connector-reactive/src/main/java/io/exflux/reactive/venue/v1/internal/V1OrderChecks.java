package io.exflux.reactive.venue.v1.internal;

import io.exflux.reactive.internal.codec.BoundedDecimals;
import io.exflux.reactive.venue.v1.model.V1OrderRequest;
import io.exflux.reactive.venue.v1.model.V1Side;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules a v1 request must meet before it is sent, each named in the message: a known side, a pair name of the
 * form {@code BASE_QUOTE}, a positive amount and price of at most {@link BoundedDecimals#MAX_DIGITS} digits on either
 * side of the point (they are sent as plain text), positive limits. The market's own limits (precision, sizes)
 * are the unified client's to check, with the market list.
 */
public final class V1OrderChecks {

    private static final Pattern PAIR = Pattern.compile("[A-Za-z0-9]+_[A-Za-z0-9]+");

    private V1OrderChecks() {
    }

    /** Every rule the order breaks; empty when it may be sent. */
    public static List<String> violations(V1OrderRequest request) {
        List<String> out = new ArrayList<>();
        if (request == null) {
            out.add("an order request is required");
            return out;
        }
        if (request.type() == null || request.type() == V1Side.UNKNOWN) {
            out.add("type must be buy or sell");
        }
        String pair = pairProblem(request.pair());
        if (pair != null) {
            out.add(pair);
        }
        positive(out, "amount", request.amount());
        positive(out, "price", request.price());
        return out;
    }

    private static void positive(List<String> out, String name, BigDecimal value) {
        String tooLong = BoundedDecimals.tooManyDigits(name, value);
        if (tooLong != null) {
            out.add(tooLong);
        } else if (value == null || value.signum() <= 0) {
            out.add(name + " must be positive, was " + plain(value));
        }
    }

    /** Why this is not a pair name ({@code BTC_USD}), or {@code null} when it is one. */
    public static String pairProblem(String pair) {
        if (pair == null || !PAIR.matcher(pair).matches()) {
            return "a pair is a name such as BTC_USD, was " + pair;
        }
        return null;
    }

    /** Why a limit is not positive, or {@code null} when it is (or absent). */
    public static String positive(String name, Integer value) {
        return value != null && value <= 0 ? name + " must be positive, was " + value : null;
    }

    private static String plain(BigDecimal value) {
        return value == null ? "missing" : value.toPlainString();
    }
}
