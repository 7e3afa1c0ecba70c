package io.exflux.samples.webflux;

import io.exflux.api.ExchangeClient;
import io.exflux.api.error.InvalidRequestException;
import io.exflux.api.error.NotFoundException;
import io.exflux.api.model.CurrencyPair;
import io.exflux.samples.cli.render.JsonRecords;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The HTTP face of the sample: the page, the venue's markets as JSON, and a market's book and trades as
 * server-sent events. Every browser shares the client's hot streams (one wire subscription per topic);
 * each browser gets at most a few books a second, the latest ones, so a slow tab never slows the rest.
 */
final class MarketRoutes {

    /** The most books a second one browser receives; the book stream is "latest wins" anyway. */
    static final Duration BOOK_INTERVAL = Duration.ofMillis(200);
    /** A comment line this often keeps proxies from closing an idle stream. */
    static final Duration KEEP_ALIVE = Duration.ofSeconds(15);
    private static final int MAX_DEPTH = 50;

    private final ExchangeClient client;
    private final String page;

    MarketRoutes(ExchangeClient client) {
        this.client = client;
        this.page = resource("index.html");
    }

    /** {@code GET /}, {@code GET /api/pairs}, {@code GET /api/{pair}/book?depth=}, {@code GET /api/{pair}/trades}. */
    RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route()
                .GET("/", request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(page))
                .GET("/api/pairs", this::pairs)
                .GET("/api/{pair}/book", this::book)
                .GET("/api/{pair}/trades", this::trades)
                .build();
    }

    private Mono<ServerResponse> pairs(ServerRequest request) {
        Mono<String> json = client.pairs()
                .map(p -> "{\"pair\":\"" + p.pair() + "\",\"symbol\":\"" + p.symbol() + "\"}")
                .collectList()
                .map(items -> "[" + String.join(",", items) + "]");
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).body(json, String.class);
    }

    private Mono<ServerResponse> book(ServerRequest request) {
        int depth = request.queryParam("depth").map(Integer::parseInt).orElse(20);
        if (depth < 1 || depth > MAX_DEPTH) {
            return ServerResponse.badRequest().bodyValue("depth must be between 1 and " + MAX_DEPTH);
        }
        return market(request).flatMap(pair -> events(client.watchOrderBook(pair, depth)
                .onBackpressureLatest()
                .sample(BOOK_INTERVAL)
                .map(book -> event("book", JsonRecords.line(JsonRecords.book(book))))))
                .onErrorResume(this::isBadMarket, this::notFound);
    }

    private Mono<ServerResponse> trades(ServerRequest request) {
        return market(request).flatMap(pair -> events(client.watchTrades(pair)
                .map(trade -> event("trade", JsonRecords.line(JsonRecords.trade(trade))))))
                .onErrorResume(this::isBadMarket, this::notFound);
    }

    /** The market named in the path, checked against the venue's list before any stream starts. */
    private Mono<CurrencyPair> market(ServerRequest request) {
        return Mono.fromCallable(() -> CurrencyPair.parse(request.pathVariable("pair")))
                .onErrorMap(IllegalArgumentException.class, e -> new InvalidRequestException(e.getMessage()))
                .flatMap(pair -> client.pair(pair).thenReturn(pair));
    }

    private boolean isBadMarket(Throwable error) {
        return error instanceof NotFoundException || error instanceof InvalidRequestException;
    }

    private Mono<ServerResponse> notFound(Throwable error) {
        return ServerResponse.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN).bodyValue(error.getMessage());
    }

    private static Mono<ServerResponse> events(Flux<ServerSentEvent<String>> events) {
        Flux<ServerSentEvent<String>> keepAlive = Flux.interval(KEEP_ALIVE)
                .map(tick -> ServerSentEvent.<String>builder().comment("keep-alive").build());
        return ServerResponse.ok().contentType(MediaType.TEXT_EVENT_STREAM)
                .body(BodyInserters.fromServerSentEvents(Flux.merge(events, keepAlive)));
    }

    private static ServerSentEvent<String> event(String name, String json) {
        return ServerSentEvent.<String>builder().event(name).data(json).build();
    }

    private static String resource(String name) {
        try (InputStream in = MarketRoutes.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
