package io.exflux.samples.webflux;

import io.exflux.api.ExchangeClient;
import java.net.URI;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.web.reactive.function.server.RouterFunctions;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A Spring WebFlux application (functional routes, no Spring Boot) on reactor-netty, serving one
 * venue's books and trades as server-sent events and the page that draws them.
 */
public final class MarketWebApp implements AutoCloseable {

    private final DisposableServer server;

    private MarketWebApp(DisposableServer server) {
        this.server = server;
    }

    /**
     * Serves {@code client}'s market data on {@code host:port} ({@code port} 0 picks a free one).
     * The caller keeps owning the client.
     */
    public static MarketWebApp start(ExchangeClient client, String host, int port) {
        HttpHandler handler = RouterFunctions.toHttpHandler(new MarketRoutes(client).routes());
        DisposableServer server = HttpServer.create()
                .host(host)
                .port(port)
                .handle(new ReactorHttpHandlerAdapter(handler))
                .bindNow();
        return new MarketWebApp(server);
    }

    /** Where the page is, for example {@code http://127.0.0.1:8080/}. */
    public URI uri() {
        return URI.create("http://" + server.host() + ":" + server.port() + "/");
    }

    public int port() {
        return server.port();
    }

    /** Stops serving; open event streams end. */
    @Override
    public void close() {
        server.disposeNow();
    }
}
