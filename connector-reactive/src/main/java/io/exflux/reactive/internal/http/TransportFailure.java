package io.exflux.reactive.internal.http;

import io.exflux.api.error.ErrorContext;
import io.exflux.api.error.ExchangeException;
import io.exflux.api.error.ExchangeUnavailableException;
import io.exflux.api.error.RequestTimeoutException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;
import reactor.core.Exceptions;

/** What a failure without an answer means for retrying, and the typed error the user sees for it. */
enum TransportFailure {

    /**
     * The request never left: connect failed, no pooled connection in time, or too many callers already waiting for
     * one. Safe to send again.
     */
    NOT_SENT,
    /** No answer in time: the venue may have processed the request. */
    TIMEOUT,
    /** The connection broke after the request may have been sent: the venue may have processed it. */
    AMBIGUOUS,
    /** Not a network failure at all (a bug in a step, a signer that failed): never retried. */
    OTHER;

    static TransportFailure of(Throwable error) {
        Throwable failure = Exceptions.unwrap(error);
        if (failure instanceof ConnectException || failure instanceof UnknownHostException
                || failure.getClass().getSimpleName().equals("PoolAcquireTimeoutException")
                || isPendingLimit(failure)) {
            return NOT_SENT;
        }
        if (failure instanceof TimeoutException || failure instanceof io.netty.handler.timeout.TimeoutException) {
            return TIMEOUT;
        }
        // a reset, or an answer cut short in its head or body (PrematureCloseException and AnswerCutShort are
        // IOExceptions, Netty's PrematureChannelClosureException a codec one): lost during the answer
        if (failure instanceof IOException || failure instanceof io.netty.channel.ChannelException
                || failure.getClass().getName().startsWith("io.netty.handler.codec.")
                || failure.getClass().getName().equals("reactor.netty.channel.AbortedException")) {
            return AMBIGUOUS;
        }
        return OTHER;
    }

    /**
     * The typed error for a failure of this kind on this request to the venue at {@code baseUrl}; its message holds
     * no header or body.
     */
    ExchangeException toException(Throwable error, RestRequest request, String venue, String baseUrl) {
        ErrorContext context = ErrorContext.local(venue);
        String call = request.method() + " " + request.path();
        Throwable failure = Exceptions.unwrap(error);
        switch (this) {
            case NOT_SENT:
                return new ExchangeUnavailableException(venue + ": could not send " + call + ": "
                        + notSentReason(failure) + " " + baseUrl + " (" + failure.getClass().getSimpleName() + ")",
                        context, error);
            case TIMEOUT:
                return new RequestTimeoutException(venue + " did not answer " + call + " in time"
                        + (request.idempotent() ? "" : "; the venue may have processed it"), context, error);
            case OTHER:
                // only the class name: an arbitrary exception's message might quote a header or a body
                return new ExchangeException(venue + ": " + call + " failed inside the client ("
                        + Exceptions.unwrap(error).getClass().getName() + ")", context, error);
            default:
                return new ExchangeUnavailableException(venue + ": connection lost during " + call
                        + (request.idempotent() ? "" : "; the venue may have processed it") + " ("
                        + failure.getClass().getSimpleName() + ")", context, error);
        }
    }

    /** The pool's queue of callers waiting for a connection is full: this one never got a connection. */
    private static boolean isPendingLimit(Throwable failure) {
        return failure.getClass().getSimpleName().equals("PoolAcquirePendingLimitException");
    }

    private static String notSentReason(Throwable failure) {
        if (isPendingLimit(failure)) {
            return "too many calls already wait for a pooled connection to";
        }
        if (failure instanceof ConnectException) {
            return "connection refused or unreachable at";
        }
        if (failure instanceof UnknownHostException) {
            return "could not resolve the host of";
        }
        return "no free pooled connection in time for";
    }
}
