package io.exflux.testkit.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * The script of one REST route of a {@link FakeVenueServer}: a sequence of canned responses or a handler.
 * Scripting a route again replaces its previous script. A new route answers 200 with an empty JSON object.
 *
 * <pre>{@code
 * server.route("GET", "/api/v1/ticker").respond(FakeResponse.status(503), FakeResponse.status(503),
 *         FakeResponse.ok("{\"last\":\"1.5\"}"));   // 503 twice, then 200 for every later call
 * server.route("POST", "/api/v1/order").respondWith(request -> FakeResponse.ok(request.bodyAsString()));
 * }</pre>
 */
public final class RouteStub {

    private final String method;
    private final String path;
    private final AtomicInteger hits = new AtomicInteger();
    private volatile Function<RecordedRequest, Mono<FakeResponse>> handler =
            request -> Mono.just(FakeResponse.ok("{}"));

    RouteStub(String method, String path) {
        this.method = method;
        this.path = path;
    }

    /**
     * Answers the calls in order with these responses; once they are used up, the last one answers every later call.
     */
    public RouteStub respond(FakeResponse first, FakeResponse... then) {
        List<FakeResponse> sequence = new ArrayList<>();
        sequence.add(Objects.requireNonNull(first, "first"));
        sequence.addAll(List.of(then));
        AtomicInteger next = new AtomicInteger();
        handler = request -> Mono.just(sequence.get(Math.min(next.getAndIncrement(), sequence.size() - 1)));
        return this;
    }

    /** Answers every call with whatever this function returns for the recorded request. */
    public RouteStub respondWith(Function<RecordedRequest, FakeResponse> responder) {
        Objects.requireNonNull(responder, "responder");
        handler = request -> Mono.fromSupplier(() -> responder.apply(request));
        return this;
    }

    /** Answers every call asynchronously, e.g. after some other event of the test. */
    public RouteStub respondAsync(Function<RecordedRequest, Mono<FakeResponse>> responder) {
        handler = Objects.requireNonNull(responder, "responder");
        return this;
    }

    /** How many requests this route has received. */
    public int hits() {
        return hits.get();
    }

    /** The method this route answers. */
    public String method() {
        return method;
    }

    /** The path this route answers; a trailing {@code *} matches any path with that prefix. */
    public String path() {
        return path;
    }

    boolean matches(String requestMethod, String requestPath) {
        if (!method.equalsIgnoreCase(requestMethod)) {
            return false;
        }
        return path.endsWith("*") ? requestPath.startsWith(path.substring(0, path.length() - 1))
                : path.equals(requestPath);
    }

    Mono<FakeResponse> answer(RecordedRequest request) {
        hits.incrementAndGet();
        return handler.apply(request);
    }
}
