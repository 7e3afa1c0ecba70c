package io.exflux.reactive.internal.http;

import io.exflux.reactive.internal.resources.SharedResources;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;
import reactor.netty.NettyOutbound;
import reactor.netty.http.client.HttpClient;

/**
 * The transport on reactor-netty: an {@link HttpClient} on the shared resources' pool and event loops (with their
 * proxy/TLS customizer), with connect and response timeouts, and its own retry-on-reset turned off (the retry
 * policy decides, knowing which calls are safe to repeat).
 */
final class NettyTransport implements RestTransport {

    private final SharedResources resources;
    private final HttpClient client;
    private final String baseUrl;
    private final String host;
    private final int port;

    NettyTransport(RestOptions options, SharedResources resources) {
        this.resources = resources;
        this.baseUrl = options.baseUrl();
        URI base = URI.create(baseUrl);
        this.host = base.getHost();
        this.port = base.getPort() != -1 ? base.getPort() : "https".equals(base.getScheme()) ? 443 : 80;
        this.client = resources.restHttpClient()
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

    /** Connections to this client's host handed out by the pool right now (in use by a request). */
    int acquiredConnections() {
        return resources.acquiredConnections(host, port);
    }

    /** Connections to this client's host the pool holds right now, in use or idle. */
    int allocatedConnections() {
        return resources.allocatedConnections(host, port);
    }
}
