package io.exflux.api;

import io.exflux.api.model.CancelResult;
import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.Fill;
import io.exflux.api.model.Order;
import io.exflux.api.model.OrderRequest;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Orders, over REST with the account's credentials. Every method is cold. Placement and cancellation
 * are never retried after an ambiguous failure (timeout, 5xx, reset): the error reaches the caller,
 * who can look the order up by its client order id. Errors: {@code InvalidRequestException} (bad input,
 * before anything is sent, naming the rule), {@code InsufficientFundsException},
 * {@code AuthenticationException}, {@code PermissionDeniedException}, {@code NotFoundException},
 * {@code RateLimitedException}, {@code ExchangeUnavailableException}, {@code RequestTimeoutException},
 * {@code ProtocolException} (an answer that could not be read), {@code UnsupportedCapabilityException}.
 */
public interface TradingClient extends Venue {

    /**
     * Places an order. The request is checked against the market's precision, size and value limits
     * first. The returned order carries the venue's id and what the venue reported at once.
     */
    default Mono<Order> placeOrder(OrderRequest request) {
        return Unsupported.mono(this, Capability.PLACE_LIMIT_ORDER);
    }

    /** Cancels one order. {@code pair} may be {@code null} where the venue does not need it. */
    default Mono<CancelResult> cancelOrder(String orderId, CurrencyPair pair) {
        return Unsupported.mono(this, Capability.CANCEL_ORDER);
    }

    /** Cancels several orders in as few requests as the venue allows; one result per id. */
    default Flux<CancelResult> cancelOrders(List<String> orderIds) {
        return Unsupported.flux(this, Capability.CANCEL_ORDER);
    }

    /** Cancels every open order, or every open order of one market when {@code pair} is not null. */
    default Mono<Void> cancelAllOrders(CurrencyPair pair) {
        return Unsupported.mono(this, Capability.CANCEL_ALL_ORDERS);
    }

    /** One order by id. */
    default Mono<Order> order(String orderId, CurrencyPair pair) {
        return Unsupported.mono(this, Capability.ORDER);
    }

    /** Open orders, of one market or (with {@code null}) of all. A finite {@code Flux}. */
    default Flux<Order> openOrders(CurrencyPair pair) {
        return Unsupported.flux(this, Capability.OPEN_ORDERS);
    }

    /** Recent orders in any state, of one market or (with {@code null}) of all. A finite {@code Flux}. */
    default Flux<Order> orders(CurrencyPair pair) {
        return Unsupported.flux(this, Capability.ORDERS);
    }

    /** The account's recent executions, of one market or (with {@code null}) of all. A finite {@code Flux}. */
    default Flux<Fill> myTrades(CurrencyPair pair, int limit) {
        return Unsupported.flux(this, Capability.MY_TRADES);
    }
}
