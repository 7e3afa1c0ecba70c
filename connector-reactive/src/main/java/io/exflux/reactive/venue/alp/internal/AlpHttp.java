package io.exflux.reactive.venue.alp.internal;

import io.exflux.api.error.ErrorContext;
import io.exflux.api.error.ExchangeException;
import io.exflux.api.error.ExchangeUnavailableException;
import io.exflux.api.error.RequestTimeoutException;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.timeout.ReadTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.PrematureCloseException;

/**
 * One HTTP exchange with ALP on reactor-netty: builds the URL, sends the exact body bytes with the
 * given headers, and returns status, headers and body. Connection failures become
 * {@link ExchangeUnavailableException}, timeouts {@link RequestTimeoutException}. No retry and no
 * redirect here: the REST client decides (a redirect would drop a signed body).
 */
public final class AlpHttp {

    private final HttpClient client;
    private final String base;
    private final Duration timeout;

    public AlpHttp(HttpClient client, URI base, Duration timeout) {
        this.client = client.disableRetry(true).followRedirect(false);
        String text = base.toString();
        this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        this.timeout = timeout;
    }

    /** The full URL of {@code path} (no leading slash needed) with the query parameters that are set. */
    public String url(String path, Map<String, String> query) {
        StringBuilder url = new StringBuilder(base).append('/').append(path.startsWith("/") ? path.substring(1) : path);
        char separator = '?';
        for (Map.Entry<String, String> param : query.entrySet()) {
            if (param.getValue() == null) {
                continue;
            }
            url.append(separator).append(URLEncoder.encode(param.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(param.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        return url.toString();
    }

    /** Sends one request; {@code body} may be {@code null}; {@code headers} are added as given. */
    public Mono<AlpResponse> exchange(HttpMethod method, String url, byte[] body, Map<String, String> headers) {
        HttpClient configured = client.responseTimeout(timeout).headers(h -> {
            h.set(HttpHeaderNames.ACCEPT, "application/json");
            if (body != null) {
                h.set(HttpHeaderNames.CONTENT_TYPE, "application/json");
            }
            headers.forEach(h::set);
        });
        HttpClient.ResponseReceiver<?> receiver = body == null ? configured.request(method).uri(url)
                : configured.request(method).uri(url).send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(body)));
        return receiver.responseSingle((response, content) -> content.asByteArray()
                        .defaultIfEmpty(new byte[0])
                        .map(bytes -> new AlpResponse(response.status().code(), response.responseHeaders(), bytes)))
                .onErrorMap(error -> !(error instanceof ExchangeException), AlpHttp::transportError);
    }

    private static Throwable transportError(Throwable error) {
        ErrorContext context = ErrorContext.local("alp");
        if (error instanceof ReadTimeoutException || error instanceof TimeoutException
                || error.getCause() instanceof ReadTimeoutException) {
            return new RequestTimeoutException("ALP did not answer in time; the outcome is unknown", context, error);
        }
        if (error instanceof PrematureCloseException) {
            return new ExchangeUnavailableException("ALP closed the connection before answering; the outcome is unknown",
                    context, error);
        }
        return new ExchangeUnavailableException("ALP could not be reached: " + error.getClass().getSimpleName(),
                context, error);
    }
}
