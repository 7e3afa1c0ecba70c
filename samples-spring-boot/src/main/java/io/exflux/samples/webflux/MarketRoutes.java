package io.exflux.samples.webflux;

import io.exflux.api.ExchangeClient;
import io.exflux.api.error.InvalidRequestException;
import io.exflux.api.error.NotFoundException;
import io.exflux.api.model.CurrencyPair;
import io.exflux.samples.cli.render.JsonRecords;
import io.exflux.samples.cli.render.SampleJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
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
 * Before any stream starts, a malformed parameter is a 400 and an unknown market a 404, each with a
 * one-line message the page shows. Every event carries an {@code id:} (the trade's id; the book's
 * sequence, or its count where the venue has none).
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

    /**
     * {@code GET /}, {@code GET /api/pairs}, {@code GET /api/{pair}}, {@code GET /api/{pair}/book?depth=},
     * {@code GET /api/{pair}/trades}.
     */
    RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route()
                .GET("/", request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(page))
                .GET("/api/pairs", this::pairs)
                .GET("/api/{pair}", this::market)
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

    /** One market's symbol and decimals, which the page formats its numbers with. */
    private Mono<ServerResponse> market(ServerRequest request) {
        return pair(request).flatMap(client::pair)
                .flatMap(info -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(JsonRecords.line(SampleJson.mapper().createObjectNode()
                                .put("pair", info.pair().toString()).put("symbol", info.symbol())
                                .put("base", info.pair().base()).put("quote", info.pair().quote())
                                .put("priceScale", info.priceScale()).put("amountScale", info.amountScale()))))
                .onErrorResume(this::isRefused, this::refusal);
    }

    private Mono<ServerResponse> book(ServerRequest request) {
        AtomicLong count = new AtomicLong();
        return depth(request).flatMap(depth -> knownMarket(request).flatMap(pair -> events(
                client.watchOrderBook(pair, depth)
                        .onBackpressureLatest()
                        .sample(BOOK_INTERVAL)
                        .map(book -> event("book", book.sequence() >= 0 ? book.sequence() : count.incrementAndGet(),
                                JsonRecords.line(JsonRecords.book(book)))))))
                .onErrorResume(this::isRefused, this::refusal);
    }

    private Mono<ServerResponse> trades(ServerRequest request) {
        return knownMarket(request).flatMap(pair -> events(client.watchTrades(pair)
                        .map(trade -> event("trade", trade.id(), JsonRecords.line(JsonRecords.trade(trade))))))
                .onErrorResume(this::isRefused, this::refusal);
    }

    /** {@code ?depth=}, 20 when absent; anything but a whole number from 1 to {@value #MAX_DEPTH} is refused. */
    private static Mono<Integer> depth(ServerRequest request) {
        String value = request.queryParam("depth").orElse("20");
        try {
            int depth = Integer.parseInt(value.trim());
            if (depth >= 1 && depth <= MAX_DEPTH) {
                return Mono.just(depth);
            }
        } catch (NumberFormatException e) {
            // refused below, with the value
        }
        return Mono.error(new InvalidRequestException("depth must be a whole number from 1 to " + MAX_DEPTH
                + ", not '" + value + "'"));
    }

    /** The pair in the path; a malformed one is an {@link InvalidRequestException}. */
    private static Mono<CurrencyPair> pair(ServerRequest request) {
        return Mono.fromCallable(() -> CurrencyPair.parse(request.pathVariable("pair")))
                .onErrorMap(IllegalArgumentException.class, e -> new InvalidRequestException(e.getMessage()));
    }

    /** The market named in the path, checked against the venue's list before any stream starts. */
    private Mono<CurrencyPair> knownMarket(ServerRequest request) {
        return pair(request).flatMap(pair -> client.pair(pair).thenReturn(pair));
    }

    private boolean isRefused(Throwable error) {
        return error instanceof NotFoundException || error instanceof InvalidRequestException;
    }

    /** 404 for an unknown market, 400 for a malformed parameter; the message is the body. */
    private Mono<ServerResponse> refusal(Throwable error) {
        HttpStatus status = error instanceof NotFoundException ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
        return ServerResponse.status(status).contentType(MediaType.TEXT_PLAIN).bodyValue(error.getMessage());
    }

    private static Mono<ServerResponse> events(Flux<ServerSentEvent<String>> events) {
        Flux<ServerSentEvent<String>> keepAlive = Flux.interval(KEEP_ALIVE)
                .map(tick -> ServerSentEvent.<String>builder().comment("keep-alive").build());
        return ServerResponse.ok().contentType(MediaType.TEXT_EVENT_STREAM)
                .body(BodyInserters.fromServerSentEvents(Flux.merge(events, keepAlive)));
    }

    private static ServerSentEvent<String> event(String name, Object id, String json) {
        return ServerSentEvent.<String>builder().id(String.valueOf(id)).event(name).data(json).build();
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
