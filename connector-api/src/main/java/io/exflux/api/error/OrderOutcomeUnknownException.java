package io.exflux.api.error;

import io.exflux.api.model.OrderRequest;

/**
 * Placing an order failed in a way that leaves its outcome unknown: the request may have reached the venue (no
 * answer in time, a 5xx, a connection lost while sending) and the order may exist, open or even filled. The client
 * did not send it again and could not settle the question by looking the order up (the venue does not return
 * client order ids, or the lookup found nothing or failed). Check the open orders and fills, by
 * {@link #clientOrderId()} where the venue keeps it, before placing it again.
 *
 * <p>Not transient: sending the same request again could place the order twice. Carries the request that was
 * sent: the unified {@link #request()} when it came through the unified API, and always a description
 * ({@link #sentRequest()}) naming what was sent; neither holds a credential. The cause is the ambiguous failure.
 */
public class OrderOutcomeUnknownException extends ExchangeException {

    private static final long serialVersionUID = 1L;

    private final transient OrderRequest request;
    private final String sentRequest;
    private final String clientOrderId;

    /**
     * @param message       what happened; must not contain a credential
     * @param context       the venue answer behind the failure (may be {@code null})
     * @param cause         the ambiguous failure
     * @param request       the unified request, or {@code null} for a venue's native call
     * @param sentRequest   a description of the request that was sent (never a credential)
     * @param clientOrderId the request's client order id, or {@code null} when it had none
     */
    public OrderOutcomeUnknownException(String message, ErrorContext context, Throwable cause, OrderRequest request,
                                        String sentRequest, String clientOrderId) {
        super(message, context, cause);
        this.request = request;
        this.sentRequest = sentRequest;
        this.clientOrderId = clientOrderId;
    }

    /** The unified request that was sent, or {@code null} when the order was placed through a native call. */
    public OrderRequest request() {
        return request;
    }

    /** A description of the request that was sent. */
    public String sentRequest() {
        return sentRequest;
    }

    /** The client order id the request carried, or {@code null}: the key to look the order up by. */
    public String clientOrderId() {
        return clientOrderId;
    }

    /** Always {@code false}: the order may exist, so sending it again is not safe. */
    @Override
    public boolean isTransient() {
        return false;
    }
}
