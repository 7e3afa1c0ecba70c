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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The one mapping from a venue's answer to a typed exception: a venue configures its error table here (rules by
 * status, venue code, message text or anything else of the answer) and the status decides the rest.
 *
 * <p>By status, when no rule matches: 400, 422 and any other 4xx {@link InvalidRequestException}, 401
 * {@link AuthenticationException}, 403 {@link PermissionDeniedException}, 404 {@link NotFoundException}, 429
 * {@link RateLimitedException} (with the {@code Retry-After}, read with the client's clock), 5xx
 * {@link ExchangeUnavailableException}, anything else {@link ExchangeException}. A JSON body's code and message
 * fields (by default {@code code}, {@code error}, {@code errorCode} and {@code message}, {@code msg},
 * {@code error}) give the venue code and the message; detail fields (none by default) are quoted after it. A body
 * that is empty or not JSON still gives a clear error (the body itself is in the {@link ErrorContext}). Rules are
 * tried in the order they were added; the first that matches makes the exception. Whether the error is worth
 * retrying is the exception's {@code isTransient()}, nothing else.
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

    /** One row of the table: when it applies, and the exception it makes. */
    private record Rule(Predicate<Answer> when, Function<Answer, ExchangeException> then) {
    }

    /** An error answer as the rules see it. */
    public static final class Answer {
        private final RestRequest request;
        private final RestResponse response;
        private final String code;
        private final String venueMessage;
        private final String message;
        private final ErrorContext context;
        private final Clock clock;

        private Answer(RestRequest request, RestResponse response, String code, String venueMessage, String message,
                       ErrorContext context, Clock clock) {
            this.request = request;
            this.response = response;
            this.code = code;
            this.venueMessage = venueMessage;
            this.message = message;
            this.context = context;
            this.clock = clock;
        }

        /** The request that was answered. */
        public RestRequest request() {
            return request;
        }

        /** The HTTP status. */
        public int status() {
            return response.status();
        }

        /** The venue's error code, or {@code null}. */
        public String code() {
            return code;
        }

        /** The venue's message, or {@code null}. */
        public String venueMessage() {
            return venueMessage;
        }

        /** The message of the exception: who answered what to which call. */
        public String message() {
            return message;
        }

        /** The context of the exception. */
        public ErrorContext context() {
            return context;
        }

        /** Whether the venue code contains this text, ignoring case. */
        public boolean codeContains(String fragment) {
            return code != null && code.toLowerCase(Locale.ROOT).contains(fragment.toLowerCase(Locale.ROOT));
        }

        /** Whether the venue's message contains this text, ignoring case. */
        public boolean messageContains(String fragment) {
            return venueMessage != null
                    && venueMessage.toLowerCase(Locale.ROOT).contains(fragment.toLowerCase(Locale.ROOT));
        }

        /** The answer's {@code Retry-After} (seconds or a date, read with the client's clock), or {@code null}. */
        public Duration retryAfter() {
            return RetryAfter.parse(response.header("Retry-After"), clock).orElse(null);
        }

        /** A {@link RateLimitedException} carrying the answer's {@code Retry-After}. */
        public RateLimitedException rateLimited() {
            return new RateLimitedException(message, context, retryAfter());
        }
    }

    private final String venue;
    private final Clock clock;
    private final List<String> codeFields;
    private final List<String> messageFields;
    private final List<String> detailFields;
    private final List<Rule> rules;
    private final SuccessCode successCode;

    /**
     * Where a venue puts a failure code inside a 2xx answer: this field of the JSON object (or of an array's first
     * object), for the requests {@code requests} accepts.
     */
    private record SuccessCode(String field, Predicate<RestRequest> requests) {
    }

    private StandardErrorMapper(String venue, Clock clock, List<String> codeFields, List<String> messageFields,
                                List<String> detailFields, List<Rule> rules, SuccessCode successCode) {
        this.venue = venue;
        this.clock = clock;
        this.codeFields = List.copyOf(codeFields);
        this.messageFields = List.copyOf(messageFields);
        this.detailFields = List.copyOf(detailFields);
        this.rules = List.copyOf(rules);
        this.successCode = successCode;
    }

    /**
     * The standard mapping for this venue, reading absolute {@code Retry-After} values with the system clock until
     * given the client's ({@link #withClock}; {@link RestClient.Builder} does so for its default mapper).
     */
    public static StandardErrorMapper forVenue(String venue) {
        return new StandardErrorMapper(Objects.requireNonNull(venue, "venue"), Clock.systemUTC(),
                List.of("code", "errorCode", "error"), List.of("message", "msg", "error"), List.of(), List.of(),
                null);
    }

    /** A copy reading absolute {@code Retry-After} values with this clock (the client's). */
    public StandardErrorMapper withClock(Clock clock) {
        return new StandardErrorMapper(venue, Objects.requireNonNull(clock, "clock"), codeFields, messageFields,
                detailFields, rules, successCode);
    }

    /** A copy that reads the venue code from these JSON fields, first present wins. */
    public StandardErrorMapper codeFields(String... names) {
        return new StandardErrorMapper(venue, clock, List.of(names), messageFields, detailFields, rules, successCode);
    }

    /** A copy that reads the message from these JSON fields, first present wins. */
    public StandardErrorMapper messageFields(String... names) {
        return new StandardErrorMapper(venue, clock, codeFields, List.of(names), detailFields, rules, successCode);
    }

    /** A copy that quotes these JSON fields (field errors, say) after the message when present. */
    public StandardErrorMapper detailFields(String... names) {
        return new StandardErrorMapper(venue, clock, codeFields, messageFields, List.of(names), rules, successCode);
    }

    /** A copy with this rule last in the table: answers {@code when} accepts become what {@code then} makes. */
    public StandardErrorMapper onAnswer(Predicate<Answer> when, Function<Answer, ExchangeException> then) {
        List<Rule> copy = new ArrayList<>(rules);
        copy.add(new Rule(Objects.requireNonNull(when, "when"), Objects.requireNonNull(then, "then")));
        return new StandardErrorMapper(venue, clock, codeFields, messageFields, detailFields, copy, successCode);
    }

    /** A copy that maps answers {@code when} accepts to the given exception. */
    public StandardErrorMapper on(Predicate<Answer> when, ExceptionFactory factory) {
        Objects.requireNonNull(factory, "factory");
        return onAnswer(when, answer -> factory.create(answer.message(), answer.context()));
    }

    /** A copy that maps this venue code to the given exception, whatever the status. */
    public StandardErrorMapper onCode(String venueCode, ExceptionFactory factory) {
        Objects.requireNonNull(venueCode, "venueCode");
        return on(answer -> venueCode.equals(answer.code()), factory);
    }

    /** A copy that maps an error whose message contains this text (case-insensitive) to the given exception. */
    public StandardErrorMapper onMessage(String fragment, ExceptionFactory factory) {
        Objects.requireNonNull(fragment, "fragment");
        return on(answer -> answer.messageContains(fragment), factory);
    }

    /** A copy that maps this status, for the requests {@code requests} accepts, to the given exception. */
    public StandardErrorMapper onStatus(int status, Predicate<RestRequest> requests, ExceptionFactory factory) {
        Objects.requireNonNull(requests, "requests");
        return on(answer -> answer.status() == status && requests.test(answer.request()), factory);
    }

    /**
     * A copy that also reads 2xx answers to the requests {@code requests} accepts, for venues that answer a failure
     * with HTTP 200 and a code in the body (BTSE's order endpoints: a numeric {@code status}). The code is the value
     * of {@code field} in the JSON object, or in the first object of a JSON array; the rules see it as
     * {@link Answer#code()} with {@link Answer#status()} 2xx. When no rule matches, the answer stays a success.
     */
    public StandardErrorMapper successCodeField(String field, Predicate<RestRequest> requests) {
        return new StandardErrorMapper(venue, clock, codeFields, messageFields, detailFields, rules,
                new SuccessCode(Objects.requireNonNull(field, "field"), Objects.requireNonNull(requests, "requests")));
    }

    @Override
    public Optional<ExchangeException> toError(RestRequest request, RestResponse response) {
        if (response.isSuccess()) {
            return successCode == null || !successCode.requests().test(request) ? Optional.empty()
                    : successError(request, response);
        }
        String body = response.bodyAsString();
        JsonNode json = parse(response.bodyUnsafe());
        String code = text(json, codeFields);
        String venueMessage = text(json, messageFields);
        ErrorContext context = new ErrorContext(venue, response.status(), code, body.isEmpty() ? null : body);
        Answer answer = new Answer(request, response, code, venueMessage,
                describe(request, response, json, code, venueMessage), context, clock);
        for (Rule rule : rules) {
            if (rule.when().test(answer)) {
                return Optional.of(rule.then().apply(answer));
            }
        }
        return Optional.of(byStatus(answer));
    }

    /** The rule's error for a 2xx answer carrying a failure code, or empty (a success) when no rule takes it. */
    private Optional<ExchangeException> successError(RestRequest request, RestResponse response) {
        JsonNode json = parseAny(response.bodyUnsafe());
        JsonNode row = json != null && json.isArray() && json.size() > 0 ? json.get(0) : json;
        if (row == null || !row.isObject()) {
            return Optional.empty();
        }
        String code = text(row, List.of(successCode.field()));
        if (code == null) {
            return Optional.empty();
        }
        String venueMessage = text(row, messageFields);
        ErrorContext context = new ErrorContext(venue, response.status(), code, response.bodyAsString());
        String message = venue + " answered " + response.status() + " to " + request.method() + " " + request.path()
                + " with " + successCode.field() + " " + code
                + (venueMessage == null ? "" : ", " + truncate(venueMessage));
        Answer answer = new Answer(request, response, code, venueMessage, message, context, clock);
        for (Rule rule : rules) {
            if (rule.when().test(answer)) {
                return Optional.of(rule.then().apply(answer));
            }
        }
        return Optional.empty();
    }

    private static ExchangeException byStatus(Answer answer) {
        int status = answer.status();
        String message = answer.message();
        ErrorContext context = answer.context();
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
            return answer.rateLimited();
        }
        if (status >= 400 && status < 500) {
            return new InvalidRequestException(message, context);
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
        for (String field : detailFields) {
            JsonNode detail = json.get(field);
            if (detail != null && !detail.isNull()) {
                out.append(" (").append(field).append(": ").append(truncate(detail.toString())).append(')');
            }
        }
        return out.toString();
    }

    private static JsonNode parseAny(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            return Json.mapper().readTree(body);
        } catch (IOException notJson) {
            return null;
        }
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
        return "StandardErrorMapper[" + venue + ", " + rules.size() + " rules]";
    }
}
