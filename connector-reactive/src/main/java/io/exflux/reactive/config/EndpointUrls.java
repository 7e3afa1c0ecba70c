package io.exflux.reactive.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * The check every venue's endpoint settings pass at build time: an absolute URL with a host, one of the schemes
 * the endpoint speaks, and nothing that does not belong in a base address. Credentials in a URL would be printed
 * wherever the options are (a {@code toString()}, a log line, the CLI), and a query or fragment would be mangled
 * by every path appended to it; both are refused. Messages name the setting and the rule, never the URL's user
 * part.
 */
public final class EndpointUrls {

    private EndpointUrls() {
    }

    /**
     * The URL in {@code text}; text that is not one fails naming {@code name} but not echoing the text (it may hold
     * a password). Check the result with {@link #check}.
     */
    public static URI parse(String text, String name) {
        if (text == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        try {
            return new URI(text.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(name + " is not a URL (" + e.getReason() + " at index "
                    + e.getIndex() + ")");
        }
    }

    /**
     * {@code value}, or an {@link IllegalArgumentException} naming {@code name} and the rule it breaks.
     *
     * @param schemes the schemes allowed, lower case, for example {@code https} and {@code http}
     */
    public static URI check(URI value, String name, String... schemes) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        if (value.getRawUserInfo() != null) {
            throw new IllegalArgumentException(name + " must not carry credentials (user:password@); "
                    + "give them as credentials");
        }
        String scheme = value.getScheme() == null ? null : value.getScheme().toLowerCase(Locale.ROOT);
        if (scheme == null || !List.of(schemes).contains(scheme)) {
            throw new IllegalArgumentException(name + " must be an absolute " + String.join(" or ", schemes)
                    + " URL, was " + (scheme == null ? "a relative one" : "a " + scheme + " one"));
        }
        if (value.getHost() == null) {
            throw new IllegalArgumentException(name + " must name a host");
        }
        if (value.getRawQuery() != null || value.getRawFragment() != null) {
            throw new IllegalArgumentException(name + " must not carry a query or a fragment");
        }
        return value;
    }

    /** {@code value} checked as a REST base (https or http), without a trailing {@code /}: paths are appended. */
    public static URI restBase(URI value, String name) {
        String text = check(value, name, "https", "http").toString();
        return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : value;
    }

    /** {@code value} checked as a websocket endpoint (wss or ws). */
    public static URI websocket(URI value, String name) {
        return check(value, name, "wss", "ws");
    }

    /**
     * {@code value} as a {@code toString()} may print it: scheme, host, port and path only. {@link #check} already
     * refuses a user part, a query and a fragment; this keeps a URL that never passed it from leaking one.
     */
    public static String shown(URI value) {
        if (value == null || value.getHost() == null) {
            return value == null ? "null" : "<a URL without a host>";
        }
        return value.getScheme() + "://" + value.getHost() + (value.getPort() < 0 ? "" : ":" + value.getPort())
                + (value.getRawPath() == null ? "" : value.getRawPath());
    }
}
