package io.exflux.reactive.venue.alp.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.exflux.api.error.AuthenticationException;
import io.exflux.api.error.ErrorContext;
import io.exflux.api.error.ExchangeException;
import io.exflux.api.error.ExchangeUnavailableException;
import io.exflux.api.error.InsufficientFundsException;
import io.exflux.api.error.InvalidRequestException;
import io.exflux.api.error.NotFoundException;
import io.exflux.api.error.PermissionDeniedException;
import io.exflux.api.error.RateLimitedException;
import io.exflux.reactive.internal.codec.Json;
import io.exflux.reactive.venue.alp.model.AlpErrorBody;
import java.time.Duration;
import java.util.Locale;

/**
 * ALP error answers to typed errors. The body is {@code {"code":..,"message":..}} with a string or
 * numeric code (inconsistency 6.3.24), sometimes {@code formErrors} (field errors of a 400), and
 * sometimes not JSON at all (a proxy's page): each is read, none breaks the mapping. The status
 * decides the type; a venue code can refine it (insufficient funds).
 */
public final class AlpErrors {

    private AlpErrors() {
    }

    /** Reads an error body; {@code null} when it is not an ALP error object. */
    public static AlpErrorBody body(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            JsonNode node = Json.mapper().readTree(raw);
            if (node == null || !node.isObject()) {
                return null;
            }
            JsonNode code = node.get("code");
            JsonNode message = node.get("message");
            JsonNode form = node.get("formErrors");
            if (code == null && message == null && form == null) {
                return null;
            }
            return new AlpErrorBody(code == null || code.isNull() ? null : code.asText(),
                    message == null || message.isNull() ? null : message.asText(), form);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** The typed error for an HTTP answer with status {@code status} (4xx/5xx) and body {@code raw}. */
    public static ExchangeException map(int status, String raw, Duration retryAfter) {
        AlpErrorBody body = body(raw);
        String code = body == null ? null : body.code();
        String text = describe(status, body, raw);
        ErrorContext context = new ErrorContext("alp", status, code, raw);
        String upperCode = code == null ? "" : code.toUpperCase(Locale.ROOT);
        String lowerText = text.toLowerCase(Locale.ROOT);
        if (status == 429 || upperCode.contains("RATE_LIMIT") || upperCode.contains("TOO_MANY")) {
            return new RateLimitedException(text, context, retryAfter);
        }
        if (status == 401 || upperCode.equals("UNAUTHORIZED") || upperCode.equals("INVALID_SECRET")) {
            return new AuthenticationException(text, context);
        }
        if (status == 403) {
            return new PermissionDeniedException(text, context);
        }
        if (status == 404) {
            return new NotFoundException(text, context);
        }
        if (status >= 500) {
            return new ExchangeUnavailableException(text, context);
        }
        if (upperCode.contains("INSUFFICIENT") || lowerText.contains("insufficient")) {
            return new InsufficientFundsException(text, context);
        }
        if (status >= 400) {
            return new InvalidRequestException(text, context);
        }
        return new ExchangeException(text, context);
    }

    private static String describe(int status, AlpErrorBody body, String raw) {
        StringBuilder text = new StringBuilder("ALP answered ").append(status);
        if (body != null) {
            if (body.code() != null) {
                text.append(' ').append(body.code());
            }
            if (body.message() != null) {
                text.append(": ").append(body.message());
            }
            if (body.formErrors() != null && !body.formErrors().isNull()) {
                text.append(" (form errors: ").append(truncate(body.formErrors().toString())).append(')');
            }
        } else if (raw != null && !raw.isBlank()) {
            text.append(": ").append(truncate(raw.trim()));
        }
        return text.toString();
    }

    private static String truncate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}
