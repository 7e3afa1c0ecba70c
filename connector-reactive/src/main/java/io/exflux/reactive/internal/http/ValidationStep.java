package io.exflux.reactive.internal.http;

import io.exflux.api.error.ErrorContext;
import io.exflux.api.error.InvalidRequestException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import reactor.core.publisher.Mono;

/** Checks the shape of every request before anything is sent; a bad one fails the call with the reason. */
final class ValidationStep implements RestStep {

    private static final Set<String> METHODS = Set.of("GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE");

    private final String venue;

    ValidationStep(String venue) {
        this.venue = venue;
    }

    @Override
    public Mono<RestResponse> process(RestRequest request, Chain next) {
        String problem = problem(request);
        if (problem != null) {
            return Mono.error(new InvalidRequestException(problem, ErrorContext.local(venue)));
        }
        return next.proceed(request);
    }

    static String problem(RestRequest request) {
        if (request.method() == null || !METHODS.contains(request.method())) {
            return "unsupported HTTP method: " + request.method();
        }
        String path = request.path();
        if (path == null || !path.startsWith("/")) {
            return "path must start with '/': " + path;
        }
        if (any(path, c -> c <= ' ' || c == '?' || c == '#' || c == 0x7f)) {
            return "path must not contain spaces, control characters, '?' or '#' (put parameters in query)";
        }
        if (!isUriPath(path)) {
            return "path is not a valid URI path (percent-encode other characters): " + path;
        }
        if (request.bodyLength() > 0 && (request.method().equals("GET") || request.method().equals("HEAD"))) {
            return request.method() + " " + path + " must not have a body";
        }
        if (request.rateLimitScope() == null || request.rateLimitScope().isBlank()) {
            return "rate-limit scope is missing for " + request.method() + " " + path;
        }
        if (request.rateLimitWeight() < 1) {
            return "rate-limit weight must be at least 1, was " + request.rateLimitWeight();
        }
        for (Map.Entry<String, String> parameter : request.query()) {
            if (parameter.getKey() == null || parameter.getKey().isEmpty()) {
                return "a query parameter of " + path + " has no name";
            }
            if (parameter.getValue() == null) {
                return "query parameter '" + parameter.getKey() + "' of " + path + " has no value";
            }
        }
        for (Map.Entry<String, String> header : request.headers()) {
            String name = header.getKey();
            if (name == null || name.isEmpty() || any(name, c -> c <= ' ' || c >= 0x7f || c == ':')) {
                return "invalid header name: " + name;
            }
            String value = header.getValue();
            // the value is not shown: it may be a key or a signature
            if (value == null || any(value, c -> c == '\r' || c == '\n' || c == 0)) {
                return "header '" + name + "' has no value or contains a line break";
            }
        }
        return null;
    }

    /** Whether a character of {@code text} matches (a loop: this runs for every header of every call). */
    private static boolean any(String text, IntPredicate test) {
        for (int i = 0; i < text.length(); i++) {
            if (test.test(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The transport sends a parsed {@link URI}, so a path must parse as one. A path of only the characters a URI
     * path takes as they are (letters, digits, {@code -._~!$&'()*+,;=:@/}) does, and is not parsed twice per call.
     */
    private static boolean isUriPath(String path) {
        if (!any(path, c -> !isPlainPathChar(c))) {
            return true;
        }
        try {
            return path.equals(new URI("http://h" + path).getRawPath());
        } catch (URISyntaxException notAPath) {
            return false;
        }
    }

    private static boolean isPlainPathChar(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || "-._~!$&'()*+,;=:@/".indexOf(c) >= 0;
    }
}
