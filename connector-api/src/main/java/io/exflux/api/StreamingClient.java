package io.exflux.api;

import io.exflux.api.model.Balance;
import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.Fill;
import io.exflux.api.model.Order;
import io.exflux.api.model.OrderBook;
import io.exflux.api.model.OrderBookUpdate;
import io.exflux.api.model.Ticker;
import io.exflux.api.model.Trade;
import io.exflux.api.stream.ConnectionEvent;
import reactor.core.publisher.Flux;

/**
 * Live data over the venue's websocket. Every {@code watch*} stream is hot and shared: subscribers of
 * the same topic share one wire subscription, which is made on the first subscription and dropped a
 * grace period after the last one cancels. Streams never complete on their own and do not fail on
 * disconnects: the connection reconnects with backoff, authenticates again and resubscribes. A slow
 * subscriber never slows the socket or the other subscribers; what it sees depends on the stream kind
 * (the defaults below, each a setting of the venue's stream options). Errors that do reach a
 * subscriber are typed: {@code InvalidRequestException} (unknown market, refused topic),
 * {@code AuthenticationException} (private streams), {@code ExchangeUnavailableException} (an endpoint
 * that could not be reached in the configured number of connect attempts in a row), a {@code ProtocolException} subclass for an
 * overflow of a bounded buffer, {@code UnsupportedCapabilityException}.
 */
public interface StreamingClient extends Venue {

    /**
     * The book, kept from a snapshot plus updates, at most {@code depth} levels a side. Latest wins: a
     * slow subscriber sees fewer books, each one consistent. Resyncs on gaps and crossed books. When its
     * connection is lost or declared stalled, the last book is emitted again marked {@link OrderBook#stale()},
     * and every book stays marked until a new snapshot arrives on a live connection: a stale book never
     * reaches a subscriber unmarked.
     */
    default Flux<OrderBook> watchOrderBook(CurrencyPair pair, int depth) {
        return Unsupported.flux(this, Capability.WATCH_ORDER_BOOK);
    }

    /** The raw book messages. Bounded buffer; an overflow fails that subscriber with a clear error. */
    default Flux<OrderBookUpdate> watchOrderBookUpdates(CurrencyPair pair) {
        return Unsupported.flux(this, Capability.WATCH_ORDER_BOOK_UPDATES);
    }

    /** Public trades, each once. Bounded buffer; an overflow fails that subscriber with a clear error. */
    default Flux<Trade> watchTrades(CurrencyPair pair) {
        return Unsupported.flux(this, Capability.WATCH_TRADES);
    }

    /** Ticker updates. Latest wins. */
    default Flux<Ticker> watchTicker(CurrencyPair pair) {
        return Unsupported.flux(this, Capability.WATCH_TICKER);
    }

    /** The account's order updates. Never dropped: bounded buffer, overflow fails that subscriber. */
    default Flux<Order> watchOrders() {
        return Unsupported.flux(this, Capability.WATCH_ORDERS);
    }

    /** The account's executions. Never dropped: bounded buffer, overflow fails that subscriber. */
    default Flux<Fill> watchFills() {
        return Unsupported.flux(this, Capability.WATCH_FILLS);
    }

    /** The account's balance changes. Never dropped: bounded buffer, overflow fails that subscriber. */
    default Flux<Balance> watchBalances() {
        return Unsupported.flux(this, Capability.WATCH_BALANCES);
    }

    /**
     * Connection state changes of every socket of this client: connecting, connected, disconnected
     * with the reason, reconnecting with attempt and delay. Hot; drops events on backpressure.
     */
    default Flux<ConnectionEvent> connectionEvents() {
        return Flux.empty();
    }
}
