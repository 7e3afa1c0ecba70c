package io.exflux.reactive.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.exflux.api.error.AuthenticationException;
import io.exflux.api.error.ErrorContext;
import io.exflux.api.error.ExchangeException;
import io.exflux.api.error.ExchangeUnavailableException;
import io.exflux.api.error.InvalidRequestException;
import io.exflux.api.error.NotFoundException;
import io.exflux.api.error.PermissionDeniedException;
import io.exflux.api.error.RateLimitedException;
import io.exflux.reactive.internal.codec.Json;
import io.exflux.reactive.internal.ratelimit.RetryAfter;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The usual mapping from an HTTP error answer to a typed exception, configurable per venue.
 *
 * <p>By status: 400 and 422 {@link InvalidRequestException}, 401 {@link AuthenticationException}, 403
 * {@link PermissionDeniedException}, 404 {@link NotFoundException}, 429 {@link RateLimitedException} (with the
 * {@code Retry-After}), 5xx {@link ExchangeUnavailableException}, any other non-2xx {@link ExchangeException}.
 * A JSON body's code and message fields (by default {@code code}, {@code error}, {@code errorCode} and
 * {@code message}, {@code msg}, {@code error}) give the venue code and the message; rules by venue code or by
 * message text override the status. A body that is empty or not JSON still gives a clear error carrying the
 * start of that body.
 *
 * <pre>{@code
 * ErrorMapper btse = StandardErrorMapper.forVenue("btse")
 *         .onCode("51523", InsufficientFundsException::new)
 *         .onCode("10002", AuthenticationException::new);
 * }</pre>
 */
public final class StandardErrorMapper implements ErrorMapper {

    private static final int MAX_MESSAGE = 200;

    /** Creates the exception of a rule. Every {@code io.exflux.api.error} type has a matching constructor. */
    @FunctionalInterface
    public interface ExceptionFactory {
        /** The exception for this message and context. */
        ExchangeException create(String message, ErrorContext context);
    }

    private final String venue;
    private final Clock clock;
    private final List<String> codeFields;
    private final List<String> messageFields;
    private final Map<String, ExceptionFactory> byCode;
    private final Map<String, ExceptionFactory> byMessage;

    private StandardErrorMapper(String venue, Clock clock, List<String> codeFields, List<String> messageFields,
                                Map<String, ExceptionFactory> byCode, Map<String, ExceptionFactory> byMessage) {
        this.venue = venue;
        this.clock = clock;
        this.codeFields = List.copyOf(codeFields);
        this.messageFields = List.copyOf(messageFields);
        this.byCode = Map.copyOf(byCode);
        this.byMessage = new LinkedHashMap<>(byMessage);
    }

    /** The standard mapping for this venue, reading absolute {@code Retry-After} values with the system clock. */
    public static StandardErrorMapper forVenue(String venue) {
        return new StandardErrorMapper(Objects.requireNonNull(venue, "venue"), Clock.systemUTC(),
                List.of("code", "errorCode", "error"), List.of("message", "msg", "error"), Map.of(), Map.of());
    }

    /** A copy reading absolute {@code Retry-After} values with this clock. */
    public StandardErrorMapper withClock(Clock clock) {
        return new StandardErrorMapper(venue, Objects.requireNonNull(clock, "clock"), codeFields, messageFields,
                byCode, byMessage);
    }

    /** A copy that reads the venue code from these JSON fields, first present wins. */
    public StandardErrorMapper codeFields(String... names) {
        return new StandardErrorMapper(venue, clock, List.of(names), messageFields, byCode, byMessage);
    }

    /** A copy that reads the message from these JSON fields, first present wins. */
    public StandardErrorMapper messageFields(String... names) {
        return new StandardErrorMapper(venue, clock, codeFields, List.of(names), byCode, byMessage);
    }

    /** A copy that maps this venue code to the given exception, whatever the status. */
    public StandardErrorMapper onCode(String venueCode, ExceptionFactory factory) {
        Map<String, ExceptionFactory> copy = new LinkedHashMap<>(byCode);
        copy.put(Objects.requireNonNull(venueCode, "venueCode"), Objects.requireNonNull(factory, "factory"));
        return new StandardErrorMapper(venue, clock, codeFields, messageFields, copy, byMessage);
    }

    /** A copy that maps an error whose message contains this text (case-insensitive) to the given exception. */
    public StandardErrorMapper onMessage(String fragment, ExceptionFactory factory) {
        Map<String, ExceptionFactory> copy = new LinkedHashMap<>(byMessage);
        copy.put(Objects.requireNonNull(fragment, "fragment").toLowerCase(java.util.Locale.ROOT),
                Objects.requireNonNull(factory, "factory"));
        return new StandardErrorMapper(venue, clock, codeFields, messageFields, byCode, copy);
    }

    @Override
    public Optional<ExchangeException> toError(RestRequest request, RestResponse response) {
        if (response.isSuccess()) {
            return Optional.empty();
        }
        String body = response.bodyAsString();
        JsonNode json = parse(response.bodyUnsafe());
        String code = text(json, codeFields);
        String venueMessage = text(json, messageFields);
        ErrorContext context = new ErrorContext(venue, response.status(), code, body.isEmpty() ? null : body);
        String message = describe(request, response, json, code, venueMessage);

        ExceptionFactory rule = code == null ? null : byCode.get(code);
        if (rule == null && venueMessage != null) {
            String lower = venueMessage.toLowerCase(java.util.Locale.ROOT);
            for (Map.Entry<String, ExceptionFactory> entry : byMessage.entrySet()) {
                if (lower.contains(entry.getKey())) {
                    rule = entry.getValue();
                    break;
                }
            }
        }
        if (rule != null) {
            return Optional.of(rule.create(message, context));
        }
        return Optional.of(byStatus(response, message, context));
    }

    private ExchangeException byStatus(RestResponse response, String message, ErrorContext context) {
        int status = response.status();
        if (status == 400 || status == 422) {
            return new InvalidRequestException(message, context);
        }
        if (status == 401) {
            return new AuthenticationException(message, context);
        }
        if (status == 403) {
            return new PermissionDeniedException(message, context);
        }
        if (status == 404) {
            return new NotFoundException(message, context);
        }
        if (status == 429) {
            Duration retryAfter = RetryAfter.parse(response.header("Retry-After"), clock).orElse(null);
            return new RateLimitedException(message, context, retryAfter);
        }
        if (status >= 500) {
            return new ExchangeUnavailableException(message, context);
        }
        return new ExchangeException(message, context);
    }

    private String describe(RestRequest request, RestResponse response, JsonNode json, String code,
                            String venueMessage) {
        StringBuilder out = new StringBuilder()
                .append(venue).append(" answered ").append(response.status())
                .append(" to ").append(request.method()).append(' ').append(request.path());
        if (response.bodyLength() == 0) {
            return out.append(" with an empty body").toString();
        }
        if (json == null) {
            return out.append(" with a body that is not JSON (").append(response.bodyLength())
                    .append(" bytes)").toString();
        }
        if (code != null) {
            out.append(": code ").append(code);
        }
        if (venueMessage != null && !venueMessage.equals(code)) {
            out.append(code == null ? ": " : ", ").append(truncate(venueMessage));
        }
        return out.toString();
    }

    private static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            JsonNode node = Json.mapper().readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException notJson) {
            return null;
        }
    }

    private static String text(JsonNode json, List<String> fields) {
        if (json == null) {
            return null;
        }
        for (String field : fields) {
            JsonNode value = json.get(field);
            if (value != null && (value.isTextual() || value.isNumber()) && !value.asText().isEmpty()) {
                return value.asText();
            }
        }
        return null;
    }

    private static String truncate(String text) {
        return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE) + "...";
    }

    @Override
    public String toString() {
        return "StandardErrorMapper[" + venue + ", " + byCode.size() + " code rules, " + byMessage.size()
                + " message rules]";
    }

}
