package io.exflux.testkit.server;

import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * A venue's REST endpoints: method and path (under a prefix such as {@code /api/v3}) to a handler. It
 * answers as an HTTP API should, in the venue's error shape: 404 for a path it does not serve, 405 (with
 * {@code Allow}) for a known path with another method, 406 when the {@code Accept} header admits none of
 * the media types it produces, and whatever a handler throws as {@link RequestRefused}; any other failure
 * of a handler is logged and answered 500. A trailing slash is ignored. A path segment written
 * {@code {name}} matches any one segment, read back with {@link Params#pathVariable(String)}; exact
 * paths win over such templates.
 */
public final class RouteTable {

    /** One endpoint: the request's parameters in, the answer out (cold; subscribed once per request). */
    @FunctionalInterface
    public interface Handler {
        Mono<FakeResponse> handle(Params params);
    }

    private static final Logger LOG = LoggerFactory.getLogger(RouteTable.class);

    private final String prefix;
    private final ErrorReply errors;
    private final List<String> produces;
    private final Map<String, Map<String, Handler>> routes = new ConcurrentHashMap<>();

    /**
     * A table for paths under {@code prefix} whose answers are of these media types (e.g.
     * {@code application/json}).
     */
    public RouteTable(String prefix, ErrorReply errors, List<String> produces) {
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        this.errors = Objects.requireNonNull(errors, "errors");
        this.produces = List.copyOf(produces);
    }

    /** The path prefix every route lies under (e.g. {@code /api/v3}). */
    public String prefix() {
        return prefix;
    }

    /** Adds or replaces the handler of {@code METHOD path} (path relative to the prefix, e.g. {@code /time}). */
    public RouteTable route(String method, String path, Handler handler) {
        routes.computeIfAbsent(path, p -> new LinkedHashMap<>())
                .put(method.toUpperCase(Locale.ROOT), Objects.requireNonNull(handler, "handler"));
        return this;
    }

    public RouteTable get(String path, Handler handler) {
        return route("GET", path, handler);
    }

    public RouteTable post(String path, Handler handler) {
        return route("POST", path, handler);
    }

    public RouteTable delete(String path, Handler handler) {
        return route("DELETE", path, handler);
    }

    /** The path under the prefix, without a trailing slash; null when the request is not under the prefix. */
    public String endpoint(RecordedRequest request) {
        String path = request.path();
        if (!path.startsWith(prefix)) {
            return null;
        }
        String endpoint = path.substring(prefix.length());
        if (endpoint.length() > 1 && endpoint.endsWith("/")) {
            endpoint = endpoint.substring(0, endpoint.length() - 1);
        }
        return endpoint;
    }

    /** Answers one request: 404, 405, 406, or the handler's answer. */
    public Mono<FakeResponse> answer(RecordedRequest request) {
        String endpoint = endpoint(request);
        Map<String, Handler> byMethod = endpoint == null ? null : routes.get(endpoint);
        Map<String, String> variables = Map.of();
        if (byMethod == null && endpoint != null) {
            for (Map.Entry<String, Map<String, Handler>> route : routes.entrySet()) {
                Map<String, String> matched = matchTemplate(route.getKey(), endpoint);
                if (matched != null) {
                    byMethod = route.getValue();
                    variables = matched;
                    break;
                }
            }
        }
        if (byMethod == null) {
            return Mono.just(errors.error(404, "not found"));
        }
        Handler handler = byMethod.get(request.method());
        if (handler == null) {
            return Mono.just(errors.error(405, "method not allowed")
                    .withHeader("Allow", String.join(", ", byMethod.keySet())));
        }
        if (!acceptable(request.header("Accept"))) {
            return Mono.just(errors.error(406, "not acceptable: answers are " + String.join(", ", produces)));
        }
        Map<String, String> pathVariables = variables;
        return Mono.defer(() -> handler.handle(Params.of(request, errors, pathVariables)))
                .onErrorResume(RequestRefused.class, refused -> Mono.just(refused.response()))
                .onErrorResume(failure -> {
                    LOG.error("simulated endpoint {} {} failed", request.method(), request.path(), failure);
                    return Mono.just(errors.error(500, "internal error"));
                });
    }

    /** The variables of a template path ({@code /order/{pk}}) that matches this endpoint, else null. */
    private static Map<String, String> matchTemplate(String template, String endpoint) {
        if (template.indexOf('{') < 0) {
            return null;
        }
        String[] want = template.split("/", -1);
        String[] got = endpoint.split("/", -1);
        if (want.length != got.length) {
            return null;
        }
        Map<String, String> variables = new LinkedHashMap<>();
        for (int i = 0; i < want.length; i++) {
            String segment = want[i];
            if (segment.startsWith("{") && segment.endsWith("}")) {
                if (got[i].isEmpty()) {
                    return null;
                }
                variables.put(segment.substring(1, segment.length() - 1),
                        QueryStringDecoder.decodeComponent(got[i]));
            } else if (!segment.equals(got[i])) {
                return null;
            }
        }
        return variables;
    }

    /** Whether an {@code Accept} header (absent: anything) admits one of the types this table produces. */
    boolean acceptable(String accept) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String type = parts[0].trim().toLowerCase(Locale.ROOT);
            if (refusedByQuality(parts)) {
                continue;
            }
            for (String produced : produces) {
                if (type.equals("*/*") || type.equals(produced)
                        || (type.endsWith("/*") && produced.startsWith(type.substring(0, type.length() - 1)))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean refusedByQuality(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim();
            if (parameter.startsWith("q=")) {
                try {
                    return Double.parseDouble(parameter.substring(2)) <= 0; // a weight, not money
                } catch (NumberFormatException malformed) {
                    return false;
                }
            }
        }
        return false;
    }
}
