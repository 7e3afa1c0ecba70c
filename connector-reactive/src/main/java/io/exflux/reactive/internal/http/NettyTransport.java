package io.exflux.reactive.internal.http;

import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import java.net.SocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;
import reactor.netty.NettyOutbound;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionPoolMetrics;
import reactor.netty.resources.ConnectionProvider;

/**
 * The transport on reactor-netty: a pooled {@link HttpClient} with connect and response timeouts, and its own
 * retry-on-reset turned off (the retry policy decides, knowing which calls are safe to repeat).
 */
final class NettyTransport implements RestTransport {

    private final ConnectionProvider provider;
    private final HttpClient client;
    private final String baseUrl;
    private final Map<String, ConnectionPoolMetrics> pools = new ConcurrentHashMap<>();

    NettyTransport(RestOptions options) {
        this.provider = ConnectionProvider.builder("exflux-" + options.venue())
                .maxConnections(options.maxConnections())
                .pendingAcquireTimeout(options.pendingAcquireTimeout())
                .maxIdleTime(options.maxIdleTime())
                .metrics(true, () -> new PoolMetricsRegistrar())
                .build();
        this.baseUrl = options.baseUrl();
        this.client = HttpClient.create(provider)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) options.connectTimeout().toMillis())
                .responseTimeout(options.responseTimeout())
                .disableRetry(true);
    }

    @Override
    public Mono<RestResponse> send(RestRequest request) {
        return send(request, null);
    }

    @Override
    public Mono<RestResponse> send(RestRequest request, Runnable written) {
        byte[] body = request.body();
        boolean hasBody = body.length > 0 || !(request.method().equals("GET") || request.method().equals("HEAD"));
        return client.request(HttpMethod.valueOf(request.method()))
                .uri(target(request))
                .send((httpRequest, outbound) -> {
                    request.headers().forEach(header -> httpRequest.addHeader(header.getKey(), header.getValue()));
                    if (!hasBody) {
                        // headers alone leave only after this returns: such a request counts as written when answered
                        return outbound;
                    }
                    httpRequest.header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(body.length));
                    NettyOutbound sent = body.length == 0 ? outbound : outbound.sendByteArray(Mono.just(body));
                    return written == null || body.length == 0 ? sent : sent.then(Mono.fromRunnable(written));
                })
                .responseSingle((response, content) -> content.asByteArray()
                        .defaultIfEmpty(new byte[0])
                        .map(bytes -> {
                            Map<String, List<String>> headers = new LinkedHashMap<>();
                            response.responseHeaders().forEach(header -> headers
                                    .computeIfAbsent(header.getKey(), name -> new ArrayList<>())
                                    .add(header.getValue()));
                            return new RestResponse(response.status().code(), headers, bytes);
                        }))
                .doFinally(signal -> {
                    if (written != null) {
                        written.run();
                    }
                });
    }

    /**
     * The absolute URI of the request. Parsed here rather than by reactor-netty's string form: that one takes only
     * 2 to 5 port digits, so it read {@code http://127.0.0.1:9/x} as host {@code 127.0.0.1:9} and failed to resolve it.
     */
    URI target(RestRequest request) {
        return URI.create(baseUrl + request.pathWithQuery());
    }

    /** Connections handed out by the pool right now (in use by a request). */
    int acquiredConnections() {
        return pools.values().stream().mapToInt(ConnectionPoolMetrics::acquiredSize).sum();
    }

    /** Connections the pool holds right now, in use or idle. */
    int allocatedConnections() {
        return pools.values().stream().mapToInt(ConnectionPoolMetrics::allocatedSize).sum();
    }

    Mono<Void> disposeLater() {
        return provider.disposeLater();
    }

    boolean isDisposed() {
        return provider.isDisposed();
    }

    /** Keeps reactor-netty's pool gauges (no Micrometer needed) so the client can report its connections. */
    private final class PoolMetricsRegistrar implements ConnectionProvider.MeterRegistrar {
        @Override
        public void registerMetrics(String poolName, String id, SocketAddress remoteAddress,
                                    ConnectionPoolMetrics metrics) {
            pools.put(id, metrics);
        }

        @Override
        public void deRegisterMetrics(String poolName, String id, SocketAddress remoteAddress) {
            pools.remove(id);
        }
    }
}
