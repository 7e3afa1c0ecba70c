package io.exflux.api;

import io.exflux.api.model.CancelResult;
import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.Fill;
import io.exflux.api.model.Order;
import io.exflux.api.model.OrderAmendment;
import io.exflux.api.model.OrderRequest;
import io.exflux.api.model.TradingFee;
import java.time.Duration;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Orders, over REST with the account's credentials. Every method is cold. Placement and cancellation
 * are never retried after an ambiguous failure (timeout, 5xx, reset). A placement that fails that way
 * fails with {@code OrderOutcomeUnknownException} (see {@link #placeOrder}); a cancellation with the
 * failure itself. Errors: {@code InvalidRequestException} (bad input,
 * before anything is sent, naming the rule), {@code InsufficientFundsException},
 * {@code AuthenticationException}, {@code PermissionDeniedException}, {@code NotFoundException},
 * {@code RateLimitedException}, {@code ExchangeUnavailableException}, {@code RequestTimeoutException},
 * {@code ProtocolException} (an answer that could not be read), {@code UnsupportedCapabilityException}.
 */
public interface TradingClient extends Venue {

    /**
     * Places an order. The request is checked against the market's precision, size and value limits
     * first. The returned order carries the venue's id and what the venue reported at once.
     *
     * <p>Never sent twice. When the placement fails ambiguously (no answer in time, a 5xx, a connection
     * lost while sending: the venue may have placed it), a venue that returns client order ids is asked
     * for the order by the request's {@link OrderRequest#clientOrderId()}, and a found order is the answer;
     * otherwise the Mono fails with {@link io.exflux.api.error.OrderOutcomeUnknownException}, which carries
     * this request and its client order id and says that the order may exist. Any other failure arrives
     * as its own typed error.
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

    /**
     * {@code editOrder}: changes an open order in place (price, amount, trigger price, or several at once, as
     * {@link OrderAmendment} says). The returned order is what the venue reported after the change. Never retried
     * after an ambiguous failure. Bad input fails before sending ({@link OrderAmendment#violations()}).
     */
    default Mono<Order> editOrder(OrderAmendment amendment) {
        return Unsupported.mono(this, Capability.EDIT_ORDER);
    }

    /**
     * {@code cancelAllAfter}: the dead-man switch. Every open order is cancelled when {@code timeout} passes
     * without another call; {@link Duration#ZERO} switches it off. Completes when the venue has taken the setting.
     */
    default Mono<Void> cancelAllAfter(Duration timeout) {
        return Unsupported.mono(this, Capability.CANCEL_ALL_AFTER);
    }

    /** {@code fetchTradingFee}: the account's fees on one market. One element. */
    default Mono<TradingFee> fetchTradingFee(CurrencyPair pair) {
        return Unsupported.mono(this, Capability.FETCH_TRADING_FEE);
    }

    /** {@code fetchTradingFees}: the account's fees on every market the venue reports. A finite {@code Flux}. */
    default Flux<TradingFee> fetchTradingFees() {
        return Unsupported.flux(this, Capability.FETCH_TRADING_FEES);
    }
}
