package io.exflux.api;

import reactor.core.publisher.Mono;
import reactor.util.Loggers;

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

    /**
     * Starts {@link #closeGracefully()} without waiting for it. A failure to close is logged (there is no caller
     * left to tell), through Reactor's logging facade, which writes to SLF4J when it is present.
     */
    @Override
    default void close() {
        closeGracefully().subscribe(null, error -> Loggers.getLogger(ExchangeClient.class)
                .warn("closing the " + venue() + " client failed", error));
    }
}
