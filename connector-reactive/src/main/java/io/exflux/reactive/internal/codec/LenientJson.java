package io.exflux.reactive.internal.codec;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Readers for venues that send a number sometimes as a JSON number and sometimes as a string. Money
 * becomes {@link BigDecimal} from the exact text; blank strings and {@code null} are "absent" for the
 * {@code optional} readers. A value that is neither is an {@link IllegalArgumentException}.
 */
public final class LenientJson {

    private LenientJson() {
    }

    /** A JSON number or numeric string, exactly. */
    public static BigDecimal decimal(JsonNode node) {
        if (node == null) {
            throw new IllegalArgumentException("number is missing");
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isTextual()) {
            try {
                return BoundedDecimals.parse(node.asText());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a number: " + ShortText.of(node), e);
            }
        }
        throw new IllegalArgumentException("not a number: " + ShortText.of(node));
    }

    /** {@link #decimal} or {@code null} when absent, {@code null} or blank. */
    public static BigDecimal optionalDecimal(JsonNode node) {
        return absent(node) ? null : decimal(node);
    }

    /** A whole number, as a JSON integer or numeric string; a fraction is refused. */
    public static long longValue(JsonNode node) {
        if (node != null && node.isIntegralNumber()) {
            return node.longValue();
        }
        try {
            return decimal(node).longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("not a whole number: " + ShortText.of(node), e);
        }
    }

    /** Unix seconds (whole or fraction, number or text) or ISO-8601 text, see {@link VenueTimes#parse}. */
    public static Instant epochSeconds(JsonNode node) {
        if (node != null && node.isNumber()) {
            return VenueTimes.epochSeconds(node.decimalValue());
        }
        if (node != null && node.isTextual()) {
            return VenueTimes.parse(node.asText());
        }
        throw new IllegalArgumentException("time is neither a number nor text: " + node);
    }

    /** {@link #epochSeconds} or {@code null} when absent, {@code null} or blank. */
    public static Instant optionalEpochSeconds(JsonNode node) {
        return absent(node) ? null : epochSeconds(node);
    }

    /** The text of a value, {@code null} for a missing, {@code null} or empty one. */
    public static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        String value = node.asText();
        return value.isEmpty() ? null : value;
    }

    private static boolean absent(JsonNode node) {
        return node == null || node.isNull() || (node.isTextual() && node.asText().isBlank());
    }
}
