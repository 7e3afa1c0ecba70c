package io.exflux.api;

import reactor.core.publisher.Mono;

/**
 * One venue's unified client: market data, trading, account and streams in one object, with
 * {@link #capabilities()} saying which calls it serves. Each venue also offers its native client
 * with every documented endpoint and channel; the unified API is a view of it, never a ceiling.
 * Close it when done: sockets and pools it owns are released.
 */
public interface ExchangeClient extends MarketDataClient, TradingClient, AccountClient, StreamingClient,
        AutoCloseable {

    /** Closes sockets and releases what this client owns; completes when done. Cold. */
    Mono<Void> closeGracefully();

    /** Starts {@link #closeGracefully()} without waiting for it. */
    @Override
    default void close() {
        closeGracefully().subscribe(null, error -> { });
    }
}
