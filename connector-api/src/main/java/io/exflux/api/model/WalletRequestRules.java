package io.exflux.api.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The venue-neutral checks the requests of the wallet and order-amendment calls must pass before anything is sent.
 * Each violation is a sentence that names the rule, for example {@code "amount must be positive, was -1"}. A venue
 * adds its own rules (a most number of decimals, say) after these.
 */
public final class WalletRequestRules {

    private WalletRequestRules() {
    }

    /** Currency, address and a positive amount are required; network and tag, when given, are not blank. */
    public static List<String> violations(WithdrawalRequest request) {
        List<String> out = new ArrayList<>();
        if (request == null) {
            out.add("withdrawal request is null");
            return out;
        }
        text(out, "currency", request.currency());
        optionalText(out, "network", request.network());
        positive(out, "amount", request.amount());
        text(out, "address", request.address());
        optionalText(out, "tag", request.tag());
        return out;
    }

    /** Currency, recipient and a positive amount are required; the e-mail, when given, has an {@code @}. */
    public static List<String> violations(TransferRequest request) {
        List<String> out = new ArrayList<>();
        if (request == null) {
            out.add("transfer request is null");
            return out;
        }
        text(out, "currency", request.currency());
        positive(out, "amount", request.amount());
        text(out, "recipient", request.recipient());
        if (request.recipientEmail() != null && request.recipientEmail().indexOf('@') < 1) {
            out.add("recipientEmail must be an e-mail address");
        }
        return out;
    }

    /** Two different currencies and a positive amount are required. */
    public static List<String> violations(ConversionRequest request) {
        List<String> out = new ArrayList<>();
        if (request == null) {
            out.add("conversion request is null");
            return out;
        }
        text(out, "fromCurrency", request.fromCurrency());
        text(out, "toCurrency", request.toCurrency());
        if (request.fromCurrency() != null && request.fromCurrency().equalsIgnoreCase(request.toCurrency())) {
            out.add("fromCurrency and toCurrency must differ, both were " + request.fromCurrency());
        }
        positive(out, "amount", request.amount());
        return out;
    }

    /**
     * A pair, exactly one of order id and client order id, at least one change, and positive new values are
     * required.
     */
    public static List<String> violations(OrderAmendment amendment) {
        List<String> out = new ArrayList<>();
        if (amendment == null) {
            out.add("order amendment is null");
            return out;
        }
        if (amendment.pair() == null) {
            out.add("pair is required");
        }
        boolean byId = amendment.orderId() != null;
        boolean byClientId = amendment.clientOrderId() != null;
        if (byId == byClientId) {
            out.add("exactly one of orderId and clientOrderId names the order");
        }
        if (byId && amendment.orderId().isBlank() || byClientId && amendment.clientOrderId().isBlank()) {
            out.add("the order's id must not be blank");
        }
        if (amendment.changeCount() == 0) {
            out.add("an amendment changes at least one of price, amount and triggerPrice");
        }
        optionalPositive(out, "price", amendment.price());
        optionalPositive(out, "amount", amendment.amount());
        optionalPositive(out, "triggerPrice", amendment.triggerPrice());
        return out;
    }

    private static void text(List<String> out, String name, String value) {
        if (value == null || value.isBlank()) {
            out.add(name + " is required");
        }
    }

    private static void optionalText(List<String> out, String name, String value) {
        if (value != null && value.isBlank()) {
            out.add(name + " must not be blank when given");
        }
    }

    private static void positive(List<String> out, String name, BigDecimal value) {
        if (value == null) {
            out.add(name + " is required");
        } else {
            optionalPositive(out, name, value);
        }
    }

    private static void optionalPositive(List<String> out, String name, BigDecimal value) {
        if (value != null && value.signum() <= 0) {
            out.add(name + " must be positive, was " + Decimals.show(value));
        }
    }
}
