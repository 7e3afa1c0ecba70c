package io.exflux.spring.boot;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.publisher.Flux;

/**
 * Closes every venue client gracefully (sockets send a close frame) when the context stops: after the web server
 * (whose graceful shutdown drains the requests that use the clients), before Spring's reactor-netty resources
 * (phase 0), which the clients may share. Non-blocking: Spring's callback runs once every client closed, or
 * after {@code exflux.shutdown-timeout}. A stopped context does not reopen its clients.
 */
final class ExchangeClientsLifecycle implements SmartLifecycle {

    /** After the web server's graceful shutdown and stop ({@code DEFAULT_PHASE - 2048}), before phase 0. */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private static final Logger log = LoggerFactory.getLogger(ExchangeClientsLifecycle.class);

    private final ExchangeClients clients;
    private final Duration timeout;
    private final AtomicBoolean running = new AtomicBoolean();

    ExchangeClientsLifecycle(ExchangeClients clients, Duration timeout) {
        this.clients = clients;
        this.timeout = timeout;
    }

    @Override
    public void start() {
        running.set(true);
    }

    @Override
    public void stop() {
        throw new UnsupportedOperationException("stopped through stop(Runnable)");
    }

    @Override
    public void stop(Runnable callback) {
        if (!running.compareAndSet(true, false)) {
            callback.run();
            return;
        }
        Flux.fromIterable(clients.asMap().values())
                .flatMap(client -> client.closeGracefully()
                        .doOnError(error -> log.warn("closing the {} client failed", client.venue(), error))
                        .onErrorComplete())
                .then()
                .timeout(timeout)
                .doOnError(error -> log.warn("exflux clients still closing after {}", timeout))
                .doFinally(signal -> callback.run())
                .subscribe(null, error -> { });
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
