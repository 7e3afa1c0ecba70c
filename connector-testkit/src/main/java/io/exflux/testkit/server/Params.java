package io.exflux.testkit.server;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The parameters of one request, from the query string, a form body or a JSON object body (looked up in
 * that order), with typed getters. A value that does not parse is refused with the venue's 400 answer
 * through its {@link ErrorReply} (thrown as {@link RequestRefused}, which a {@link RouteTable} turns into
 * the answer); an absent value is {@code null} or the fallback. The body is parsed once, on first use.
 */
public final class Params {

    /** Plain decimals, never scientific notation; fractions read as BigDecimal (money stays exact). */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    /** Keeps the scale of JSON decimals as written, for {@link #bodyParameters()}. */
    private static final ObjectMapper EXACT = JsonMapper.builder()
            .nodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private final RecordedRequest request;
    private final ErrorReply errors;
    private final Map<String, String> pathVariables;
    private JsonNode json;
    private Map<String, List<String>> form;

    private Params(RecordedRequest request, ErrorReply errors, Map<String, String> pathVariables) {
        this.request = request;
        this.errors = errors;
        this.pathVariables = Map.copyOf(pathVariables);
    }

    /** The parameters of this request; refusals are worded by {@code errors}. */
    public static Params of(RecordedRequest request, ErrorReply errors) {
        return of(request, errors, Map.of());
    }

    /** The parameters of this request and the variables of its route's path template. */
    public static Params of(RecordedRequest request, ErrorReply errors, Map<String, String> pathVariables) {
        return new Params(Objects.requireNonNull(request, "request"), Objects.requireNonNull(errors, "errors"),
                pathVariables);
    }

    /** A segment of the path that the route's template names ({@code pk} of {@code /order/{pk}}); null if none. */
    public String pathVariable(String name) {
        return pathVariables.get(name);
    }

    /**
     * The body's parameters as the client wrote them (a form's, or a JSON object's fields as text with numbers
     * digit for digit: {@code 1.0} stays {@code "1.0"}; JSON arrays, objects and nulls are left out), in body
     * order; empty when there is no body. What a venue signs over.
     */
    public Map<String, String> bodyParameters() {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        if (isForm()) {
            form().forEach((name, values) -> out.put(name, values.isEmpty() ? "" : values.get(0)));
        } else if (json().size() > 0) {
            JsonNode exact;
            try {
                exact = EXACT.readTree(request.body());
            } catch (IOException malformed) {
                throw badRequest("malformed JSON body");
            }
            exact.fields().forEachRemaining(field -> {
                JsonNode value = field.getValue();
                if (value.isNumber() && !value.isIntegralNumber()) {
                    out.put(field.getKey(), value.decimalValue().toPlainString());
                } else if (!value.isContainerNode() && !value.isNull()) {
                    out.put(field.getKey(), value.asText());
                }
            });
        }
        return out;
    }

    /** The request they come from. */
    public RecordedRequest request() {
        return request;
    }

    /** The venue's wording of errors. */
    public ErrorReply errors() {
        return errors;
    }

    /** A 400 refusal with this message, in the venue's shape. */
    public RequestRefused badRequest(String message) {
        return errors.refuse(400, message);
    }

    /** The JSON object body; an empty body is an empty object; anything else is refused with 400. */
    public JsonNode json() {
        if (json == null) {
            byte[] bytes = request.body();
            if (bytes.length == 0 || isForm()) {
                json = MAPPER.createObjectNode();
            } else {
                try {
                    JsonNode node = MAPPER.readTree(bytes);
                    if (node == null || !node.isObject()) {
                        throw badRequest("body must be a JSON object");
                    }
                    json = node;
                } catch (IOException malformed) {
                    throw badRequest("malformed JSON body");
                }
            }
        }
        return json;
    }

    /** The raw JSON value of a body field, null when absent or JSON null. */
    public JsonNode node(String name) {
        JsonNode node = json().get(name);
        return node == null || node.isNull() ? null : node;
    }

    /** Whether the parameter is present (query, form or a non-null JSON field). */
    public boolean has(String name) {
        return text(name) != null || node(name) != null;
    }

    /** The parameter as text; null when absent (JSON arrays and objects are not text: null). */
    public String text(String name) {
        String query = request.queryParam(name);
        if (query != null) {
            return query;
        }
        if (isForm()) {
            List<String> values = form().get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }
        JsonNode node = node(name);
        return node == null || node.isContainerNode() ? null : node.asText();
    }

    /** The parameter as non-blank text, or 400 "{name} is required". */
    public String required(String name) {
        String value = text(name);
        if (value == null || value.isBlank()) {
            throw badRequest(name + " is required");
        }
        return value;
    }

    /** A whole number; the fallback when absent or blank; 400 "invalid {name}" when not a number. */
    public long longValue(String name, long fallback) {
        String text = text(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException notANumber) {
            throw badRequest("invalid " + name);
        }
    }

    /** A whole number clamped into {@code [min, max]}; the fallback when absent. */
    public int bounded(String name, int fallback, int min, int max) {
        return (int) Math.min(max, Math.max(min, longValue(name, fallback)));
    }

    /**
     * A flag as clients spell it: {@code true}/{@code 1} (any case, JSON boolean or text) is true,
     * {@code false}/{@code 0} or absent is false, anything else is 400 "invalid {name}".
     */
    public boolean flag(String name) {
        String text = text(name);
        if (text == null || text.isBlank()) {
            return false;
        }
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true":
            case "1":
                return true;
            case "false":
            case "0":
                return false;
            default:
                throw badRequest("invalid " + name);
        }
    }

    /** A decimal given as text or a JSON number; null when absent; 400 "invalid {name}" otherwise. */
    public BigDecimal decimal(String name) {
        return decimal(name, () -> badRequest("invalid " + name));
    }

    /** A decimal given as text or a JSON number; null when absent; the venue's own refusal when malformed. */
    public BigDecimal decimal(String name, Supplier<RequestRefused> whenInvalid) {
        JsonNode node = request.queryParam(name) == null && !isForm() ? node(name) : null;
        if (node != null) {
            if (node.isNumber()) {
                return node.decimalValue();
            }
            if (!node.isTextual()) {
                throw whenInvalid.get();
            }
        }
        String text = node != null ? node.asText() : text(name);
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException notANumber) {
            throw whenInvalid.get();
        }
    }

    /** A time as unix seconds or ISO-8601 (with or without offset, UTC assumed); null when absent. */
    public Instant instant(String name) {
        String text = text(name);
        if (text == null || text.isBlank()) {
            return null;
        }
        String trimmed = text.trim();
        try {
            return Instant.ofEpochSecond(Long.parseLong(trimmed));
        } catch (NumberFormatException notSeconds) {
            try {
                return OffsetDateTime.parse(trimmed).toInstant();
            } catch (DateTimeParseException notOffset) {
                try {
                    return LocalDateTime.parse(trimmed).toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException neither) {
                    throw badRequest("invalid time: " + text);
                }
            }
        }
    }

    private boolean isForm() {
        String type = request.header("Content-Type");
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    private Map<String, List<String>> form() {
        if (form == null) {
            form = new QueryStringDecoder(new String(request.body(), StandardCharsets.UTF_8), StandardCharsets.UTF_8,
                    false).parameters();
        }
        return form;
    }
}
