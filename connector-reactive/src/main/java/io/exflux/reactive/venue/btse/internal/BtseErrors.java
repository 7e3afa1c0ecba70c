package io.exflux.reactive.venue.btse.internal;

import io.exflux.api.error.AuthenticationException;
import io.exflux.api.error.ExchangeException;
import io.exflux.api.error.ExchangeUnavailableException;
import io.exflux.api.error.InsufficientFundsException;
import io.exflux.api.error.InvalidRequestException;
import io.exflux.api.error.NotFoundException;
import io.exflux.api.error.ProtocolException;
import io.exflux.api.error.RateLimitedException;
import io.exflux.reactive.internal.http.RestRequest;
import io.exflux.reactive.internal.http.StandardErrorMapper;
import io.exflux.reactive.venue.btse.model.BtseOrderStatusCode;
import java.util.Set;

/**
 * BTSE's error table on the shared {@link StandardErrorMapper}. Two kinds of answers:
 * <ul>
 *   <li>Order endpoints ({@code /api/v3.2/order}, {@code /order/peg}) answer HTTP 200 with a numeric {@code status}
 *       even on failure: every failing code of {@link BtseOrderStatusCode} becomes its typed error (8
 *       {@code InsufficientFundsException}, 16 {@code NotFoundException}, 15 and the other refusals
 *       {@code InvalidRequestException}, 303 {@code RateLimitedException}, 17 and 28 {@code ExchangeException}),
 *       -1 TIMEOUT an {@code ExchangeUnavailableException} and a code without a documented meaning a
 *       {@code ProtocolException} (both may hide a placed order: a placement is reconciled).</li>
 *   <li>Error bodies {@code {"code":10002,"msg":"UNAUTHORIZED: ..."}}: 10002 is an authentication failure, 51523
 *       and messages naming an insufficient balance are {@code InsufficientFundsException}, 3506 (a withdrawal
 *       amount with more than 8 decimals) an {@code InvalidRequestException}; the status decides the rest (429
 *       {@code RateLimitedException} with its {@code Retry-After}).</li>
 * </ul>
 */
public final class BtseErrors {

    /** The venue name in every error's context. */
    public static final String VENUE = "btse";
    /** The order endpoint. */
    public static final String ORDER_PATH = "/api/v3.2/order";
    /** The pegged-order alias of the order endpoint. */
    public static final String PEG_ORDER_PATH = "/api/v3.2/order/peg";
    /** BTSE's code for a withdrawal amount it refuses (more than 8 decimals). */
    public static final String INVALID_WITHDRAW_AMOUNT = "3506";

    private static final Set<String> ORDER_PATHS = Set.of(ORDER_PATH, PEG_ORDER_PATH);

    private BtseErrors() {
    }

    /** Whether the request goes to an order endpoint, whose answers carry a numeric {@code status}. */
    public static boolean isOrderCall(RestRequest request) {
        return ORDER_PATHS.contains(request.path());
    }

    /** The table. */
    public static StandardErrorMapper table() {
        StandardErrorMapper table = StandardErrorMapper.forVenue(VENUE)
                .codeFields("code", "errorCode", "status")
                .messageFields("msg", "message", "error")
                .successCodeField("status", BtseErrors::isOrderCall);
        for (BtseOrderStatusCode code : BtseOrderStatusCode.values()) {
            if (code.kind() != BtseOrderStatusCode.Kind.ORDER && code != BtseOrderStatusCode.UNKNOWN) {
                String number = Integer.toString(code.code());
                table = table.onAnswer(answer -> answer.status() < 300 && number.equals(answer.code()),
                        answer -> failure(code, answer));
            }
        }
        return table
                // a 2xx order answer with a code the document gives no meaning: we cannot tell what happened
                .onAnswer(answer -> answer.status() < 300
                                && BtseOrderStatusCode.of(answer.code()) == BtseOrderStatusCode.UNKNOWN,
                        answer -> failure(BtseOrderStatusCode.UNKNOWN, answer))
                .onCode("10002", AuthenticationException::new)
                .onCode("51523", InsufficientFundsException::new)
                .onCode(INVALID_WITHDRAW_AMOUNT, InvalidRequestException::new)
                .on(answer -> answer.status() >= 400 && answer.status() != 429
                                && answer.messageContains("insufficient"),
                        InsufficientFundsException::new);
    }

    private static ExchangeException failure(BtseOrderStatusCode code, StandardErrorMapper.Answer answer) {
        String message = answer.message() + " (" + code.name() + ")";
        return switch (code.kind()) {
            case INSUFFICIENT_FUNDS -> new InsufficientFundsException(message, answer.context());
            case NOT_FOUND -> new NotFoundException(message, answer.context());
            case REFUSED -> new InvalidRequestException(message, answer.context());
            case RATE_LIMITED -> new RateLimitedException(message, answer.context(), answer.retryAfter());
            case AMBIGUOUS -> new ExchangeUnavailableException(message, answer.context());
            case FAILED -> new ExchangeException(message, answer.context());
            case UNREADABLE, ORDER -> new ProtocolException(message, answer.context());
        };
    }
}
