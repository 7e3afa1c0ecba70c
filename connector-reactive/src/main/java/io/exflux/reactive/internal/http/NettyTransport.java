package io.exflux.reactive.internal.http;

import io.exflux.api.error.ErrorContext;
import io.exflux.api.error.ProtocolException;
import io.exflux.reactive.internal.resources.SharedResources;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpHeaderValues;
import java.net.URI;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.netty.Connection;
import reactor.netty.NettyPipeline;
import reactor.netty.http.client.HttpClient;

/**
 * The transport on reactor-netty: an {@link HttpClient} on the shared resources' pool and event loops (with their
 * proxy/TLS customizer), with connect and response timeouts, and its own retry-on-reset turned off (the retry
 * policy decides, knowing which calls are safe to repeat). An answer body is read up to
 * {@link RestOptions#maxResponseBodySize()} bytes: one that declares or reaches more fails with
 * {@link ProtocolException} as soon as it does, and the connection (with what is left unread) is closed. An answer cut
 * short by a lost connection (in its head, or in a body the connection's close was to end: {@link AnswerCutShort})
 * fails as a lost connection, never as an unreadable answer: idempotent calls are retried.
 */
final class NettyTransport implements RestTransport {

    private static final String MALFORMED_ANSWERS = "exflux.malformedAnswers";

    private final SharedResources resources;
    private final HttpClient client;
    private final String baseUrl;
    private final String host;
    private final int port;
    private final String venue;
    private final int maxBodySize;
    private final java.time.Duration responseTimeout;
    /** The last target parsed: a caller polling one endpoint parses its URI once (a URI is immutable). */
    private volatile Target lastTarget;

    NettyTransport(RestOptions options, SharedResources resources) {
        this.resources = resources;
        this.baseUrl = options.baseUrl();
        this.venue = options.venue();
        this.maxBodySize = options.maxResponseBodySize();
        this.responseTimeout = options.responseTimeout();
        URI base = URI.create(baseUrl);
        this.host = base.getHost();
        this.port = base.getPort() != -1 ? base.getPort() : "https".equals(base.getScheme()) ? 443 : 80;
        this.client = resources.restHttpClient()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) options.connectTimeout().toMillis())
                // the response timeout is ResponseSilence's: one handler per connection, not two pipeline changes
                // per request
                .disableRetry(true)
                .doOnChannelInit((observer, channel, address) -> {
                    if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                        channel.pipeline().addAfter(NettyPipeline.HttpCodec, MALFORMED_ANSWERS,
                                MalformedAnswers.INSTANCE);
                    }
                });
    }

    @Override
    public Mono<RestResponse> send(RestRequest request) {
        return send(request, null);
    }

    /**
     * Sends with the attempt's hooks: the departure is waited for once the pool handed out a connection (a new one
     * connected), right before the request is written; {@code written} runs when a body's write has completed, else
     * when the answer (or the failure) arrives: headers alone are written only as the send function completes, and
     * a request written is not yet a request read by the venue before another connection's.
     */
    @Override
    public Mono<RestResponse> send(RestRequest request, WriteHooks hooks) {
        Mono<Void> departure = hooks == null ? null : hooks.departure();
        Runnable written = hooks == null ? null : hooks.written();
        byte[] body = request.body();
        boolean hasBody = body.length > 0 || !(request.method().equals("GET") || request.method().equals("HEAD"));
        ResponseSilence.Watch silence = new ResponseSilence.Watch(responseTimeout);
        return client.request(HttpMethod.valueOf(request.method()))
                .uri(target(request))
                .send((httpRequest, outbound) -> {
                    Channel channel = httpRequest instanceof Connection connection ? connection.channel() : null;
                    request.headers().forEach(header -> httpRequest.addHeader(header.getKey(), header.getValue()));
                    if (hasBody) {
                        httpRequest.header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(body.length));
                    }
                    // A bodiless request is left to reactor-netty, which writes it whole once what this returns
                    // completes, marked as sent before it leaves; such a request counts as written when answered.
                    // Subscribing to the outbound would write the headers alone and mark the request complete only
                    // when that write's completion comes back, which after a departure waited off the event loop
                    // can come after the answer: reactor-netty then closes the connection instead of pooling it.
                    if (body.length == 0) {
                        if (departure == null) {
                            silence.start(channel);
                            return Mono.empty();
                        }
                        return departure.then(Mono.fromRunnable(() -> silence.start(channel)));
                    }
                    // a body's write completing says it is on the wire
                    Publisher<Void> sent = outbound.sendByteArray(Mono.just(body)).then(Mono.fromRunnable(() -> {
                        silence.start(channel);
                        if (written != null) {
                            written.run();
                        }
                    }));
                    return departure == null ? sent : departure.then(Mono.fromDirect(sent));
                })
                .response((response, content) -> {
                    int status = response.status().code();
                    long declared = declaredLength(response.responseHeaders().get(HttpHeaderNames.CONTENT_LENGTH));
                    if (declared > maxBodySize) {
                        // refused before reading a byte of it; cancelling the content closes the connection
                        return Mono.error(tooLarge(request, status));
                    }
                    // kept as received: most answers are read without a look at their headers
                    HttpHeaders headers = response.responseHeaders();
                    BoundedBody answer = new BoundedBody(maxBodySize, (int) declared);
                    // without a length or chunks the close ends the body: a cut one looks whole to HTTP
                    boolean endedByClose = declared < 0
                            && !response.responseHeaders().containsValue(HttpHeaderNames.TRANSFER_ENCODING,
                                    HttpHeaderValues.CHUNKED, true);
                    Executor loop = response instanceof Connection connection ? connection.channel().eventLoop()
                            : null;
                    // each buffer is read while it is handed over (reactor-netty releases it afterwards)
                    return content
                            .<RestResponse>handle((chunk, sink) -> {
                                if (!answer.append(chunk)) {
                                    sink.error(tooLarge(request, status));
                                }
                            })
                            .then(Mono.defer(() -> {
                                silence.end();
                                byte[] bytes = answer.bytes();
                                return endedByClose && !WholeJson.isWhole(bytes)
                                        ? Mono.error(new AnswerCutShort(status, bytes.length))
                                        : Mono.<RestResponse>create(sink -> handOver(sink,
                                                RestResponse.fromTransport(status, headers, bytes), loop));
                            }));
                })
                // single, not next: next cancels the exchange after its answer, which closes a pooled connection
                .single()
                .onErrorMap(MalformedAnswers.Failure.class, failure -> new ProtocolException(venue
                        + " sent an answer to " + request.method() + " " + request.path()
                        + " that is not HTTP (" + failure.getMessage() + ")", ErrorContext.local(venue), failure))
                // answered (or failed): ended before the caller sees it, so its next call finds the section free
                .doOnEach(signal -> {
                    if (written != null) {
                        written.run();
                    }
                })
                .doFinally(signal -> {
                    silence.end();
                    if (written != null) {
                        written.run();
                    }
                });
    }

    /**
     * Hands the answer over once the event loop's current task is done: the body ends inside the task in which
     * reactor-netty then gives the connection back to the pool, so a caller who sends its next call as soon as it
     * has the answer finds that connection idle instead of opening another one (another TCP and TLS handshake).
     */
    private static void handOver(MonoSink<RestResponse> sink, RestResponse answer, Executor loop) {
        if (loop == null) {
            sink.success(answer);
            return;
        }
        try {
            loop.execute(() -> sink.success(answer));
        } catch (RejectedExecutionException loopClosing) {
            sink.success(answer);
        }
    }

    /**
     * The length a {@code Content-Length} header declares (more digits than a long holds: {@code Long.MAX_VALUE}),
     * or -1 when there is none or it is no number (the HTTP decoder refuses such an answer itself).
     */
    private static long declaredLength(String header) {
        if (header == null || header.isEmpty()) {
            return -1;
        }
        for (int i = 0; i < header.length(); i++) {
            if (header.charAt(i) < '0' || header.charAt(i) > '9') {
                return -1;
            }
        }
        return header.length() > 18 ? Long.MAX_VALUE : Long.parseLong(header);
    }

    private ProtocolException tooLarge(RestRequest request, int status) {
        return new ProtocolException(venue + " answered " + status + " to " + request.method() + " "
                + request.path() + " with a body over the limit of " + maxBodySize
                + " bytes (maxResponseBodySize); the connection was closed",
                new ErrorContext(venue, status, null, null));
    }

    /**
     * The absolute URI of the request. Parsed here rather than by reactor-netty's string form: that one takes only
     * 2 to 5 port digits, so it read {@code http://127.0.0.1:9/x} as host {@code 127.0.0.1:9} and failed to resolve it.
     */
    URI target(RestRequest request) {
        String pathWithQuery = request.pathWithQuery();
        Target known = lastTarget;
        if (known != null && known.pathWithQuery().equals(pathWithQuery)) {
            return known.uri();
        }
        URI uri = URI.create(baseUrl + pathWithQuery);
        lastTarget = new Target(pathWithQuery, uri);
        return uri;
    }

    /** A request's path and query with its absolute URI. */
    private record Target(String pathWithQuery, URI uri) {
    }

    /** Connections to this client's host handed out by the pool right now (in use by a request). */
    int acquiredConnections() {
        return resources.acquiredConnections(host, port);
    }

    /** Connections to this client's host the pool holds right now, in use or idle. */
    int allocatedConnections() {
        return resources.allocatedConnections(host, port);
    }
}
