package io.exflux.reactive.config;

import io.exflux.api.config.Credentials;
import io.exflux.reactive.ClientResources;
import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings every venue's options share; each venue's {@code XxxOptions} extends it with its defaults and extras.
 * One vocabulary across venues: {@code restUrl}, {@code wsUrl}, {@code responseTimeout}, {@code maxAttempts},
 * {@code backoff}, {@code rateLimit}.
 * Immutable; build with the venue's {@code builder()}, change a copy with {@link #mutate()}. Builders refuse bad
 * values with an {@link IllegalArgumentException} naming the setting.
 *
 * <ul>
 *   <li>{@link #restUrl()}, {@link #wsUrl()}: the venue's REST base and websocket endpoint (its
 *       {@code DEFAULT_REST_URL} and {@code DEFAULT_WS_URL} unless set); checked by {@link EndpointUrls}, so they
 *       never carry credentials, a query or a fragment, and {@code toString()} prints neither.</li>
 *   <li>{@link #resources()}: the shared {@link ClientResources}; without them a client creates its own and shuts
 *       them down when it closes.</li>
 *   <li>{@link #credentials()}: the API key and secret, or none for public use only.</li>
 *   <li>{@link #http()}: timeouts and pool; {@link #retry()}: attempts, backoff, longest {@code Retry-After}.</li>
 *   <li>{@link #rateLimits()}: the limit of each scope ({@link RateLimit#isPublicScope public} scopes are counted
 *       per venue, the others per API key, across every client sharing the resources).</li>
 *   <li>{@link #streamOptions()}: the websocket streams.</li>
 * </ul>
 */
public abstract class VenueOptions {

    private final URI restUrl;
    private final URI wsUrl;
    private final ClientResources resources;
    private final Credentials credentials;
    private final HttpOptions http;
    private final RetryOptions retry;
    private final Map<String, RateLimit> rateLimits;
    private final StreamOptions streamOptions;

    /** The core settings the builder holds. */
    protected VenueOptions(Builder<?, ?> b) {
        this.restUrl = b.restUrl;
        this.wsUrl = b.wsUrl;
        this.resources = b.resources;
        this.credentials = b.credentials;
        this.http = b.http;
        this.retry = b.retry;
        this.rateLimits = Map.copyOf(b.rateLimits);
        this.streamOptions = b.streamOptions;
    }

    /** A builder holding these settings. */
    public abstract Builder<?, ?> mutate();

    /** The REST base: an http or https URL without a trailing {@code /}; request paths go below it. */
    public URI restUrl() {
        return restUrl;
    }

    /** The websocket endpoint: a ws or wss URL. */
    public URI wsUrl() {
        return wsUrl;
    }

    /** The shared resources, or empty when the client creates (and closes) its own. */
    public Optional<ClientResources> resources() {
        return Optional.ofNullable(resources);
    }

    /** The API key and secret, or {@code null} for public use only. */
    public Credentials credentials() {
        return credentials;
    }

    /** Timeouts and pool. */
    public HttpOptions http() {
        return http;
    }

    /** Attempts, backoff and the longest {@code Retry-After} of REST calls. */
    public RetryOptions retry() {
        return retry;
    }

    /** The rate limit of each scope; a scope not named is not limited. */
    public Map<String, RateLimit> rateLimits() {
        return rateLimits;
    }

    /** The rate limit of one scope, if it has one. */
    public Optional<RateLimit> rateLimit(String scope) {
        return Optional.ofNullable(rateLimits.get(scope));
    }

    /** The websocket streams' settings. */
    public StreamOptions streamOptions() {
        return streamOptions;
    }

    /** The core settings for a {@code toString}; URLs show no user part or query, credentials their key only. */
    protected String coreToString() {
        return "restUrl=" + EndpointUrls.shown(restUrl) + ", wsUrl=" + EndpointUrls.shown(wsUrl) + ", credentials="
                + credentials + ", http=" + http + ", retry=" + retry + ", rateLimits=" + rateLimits
                + ", resources=" + (resources == null ? "own" : "shared");
    }

    /**
     * Builds a venue's options.
     *
     * @param <O> the venue's options
     * @param <B> the venue's builder
     */
    public abstract static class Builder<O extends VenueOptions, B extends Builder<O, B>> {
        private URI restUrl;
        private URI wsUrl;
        private ClientResources resources;
        private Credentials credentials;
        private HttpOptions http = HttpOptions.defaults();
        private RetryOptions retry = RetryOptions.defaults();
        private final Map<String, RateLimit> rateLimits = new LinkedHashMap<>();
        private StreamOptions streamOptions = StreamOptions.defaults();

        /**
         * A builder holding the venue's URLs and the core defaults (no rate limits: the venue's builder adds its own).
         */
        protected Builder(URI defaultRestUrl, URI defaultWsUrl) {
            restUrl(defaultRestUrl);
            wsUrl(defaultWsUrl);
        }

        /** A builder holding the core settings of {@code from}. */
        protected Builder(VenueOptions from) {
            restUrl = from.restUrl;
            wsUrl = from.wsUrl;
            resources = from.resources;
            credentials = from.credentials;
            http = from.http;
            retry = from.retry;
            rateLimits.putAll(from.rateLimits);
            streamOptions = from.streamOptions;
        }

        /** This builder, typed. */
        protected abstract B self();

        /** The options. */
        public abstract O build();

        /**
         * The REST base, e.g. {@code https://www.alp.com/api/v3}: an http or https URL without credentials, query or
         * fragment; a trailing {@code /} is dropped.
         */
        public B restUrl(URI value) {
            restUrl = EndpointUrls.restBase(value, "restUrl");
            return self();
        }

        /** The REST base, as text; text that is not a URL fails without being echoed. */
        public B restUrl(String value) {
            return restUrl(EndpointUrls.parse(value, "restUrl"));
        }

        /** The websocket endpoint: a wss or ws URL without credentials, query or fragment. */
        public B wsUrl(URI value) {
            wsUrl = EndpointUrls.websocket(value, "wsUrl");
            return self();
        }

        /** The websocket endpoint, as text; text that is not a URL fails without being echoed. */
        public B wsUrl(String value) {
            return wsUrl(EndpointUrls.parse(value, "wsUrl"));
        }

        /** Shared resources; {@code null} to let the client create and close its own. */
        public B resources(ClientResources value) {
            resources = value;
            return self();
        }

        /** The API key and secret; {@code null} for public use only. */
        public B credentials(Credentials value) {
            credentials = value;
            return self();
        }

        /** Timeouts and pool, all at once. */
        public B http(HttpOptions value) {
            http = Checks.present(value, "http");
            return self();
        }

        /** The time allowed to open a connection (positive). */
        public B connectTimeout(Duration value) {
            http = http.mutate().connectTimeout(value).build();
            return self();
        }

        /** The longest silence while waiting for or reading an answer (positive). */
        public B responseTimeout(Duration value) {
            http = http.mutate().responseTimeout(value).build();
            return self();
        }

        /** Retry settings, all at once. */
        public B retry(RetryOptions value) {
            retry = Checks.present(value, "retry");
            return self();
        }

        /** The most attempts per REST call, the first included (at least 1; 1 disables retries). */
        public B maxAttempts(int value) {
            retry = retry.mutate().maxAttempts(value).build();
            return self();
        }

        /** The wait before each further REST attempt. */
        public B backoff(Backoff value) {
            retry = retry.mutate().backoff(value).build();
            return self();
        }

        /** The longest {@code Retry-After} a retry waits for. */
        public B maxRetryAfter(Duration value) {
            retry = retry.mutate().maxRetryAfter(value).build();
            return self();
        }

        /** The limit of one scope; {@code null} leaves the scope unlimited. */
        public B rateLimit(String scope, RateLimit limit) {
            if (scope == null || scope.isBlank()) {
                throw new IllegalArgumentException("a rate-limit scope needs a name: " + scope);
            }
            if (limit == null) {
                rateLimits.remove(scope);
            } else {
                rateLimits.put(scope, limit);
            }
            return self();
        }

        /** The websocket streams' settings. */
        public B streamOptions(StreamOptions value) {
            streamOptions = Checks.present(value, "streamOptions");
            return self();
        }

        /**
         * Settings as text, e.g. from a properties file: the core keys {@code rest-url}, {@code ws-url},
         * {@code api-key}, {@code api-secret}, {@code connect-timeout}, {@code response-timeout},
         * {@code attempt-timeout}, {@code max-retry-after}, {@code max-rate-limit-wait} (ISO-8601 durations such as
         * {@code PT10S}), {@code max-attempts} and {@code max-response-body-size} (bytes), plus the venue's own keys.
         *
         * @throws IllegalArgumentException for an unknown key or a value that does not parse (neither the secret nor
         *                                  a URL's user part is ever part of the message)
         */
        public B properties(Map<String, String> properties) {
            Objects.requireNonNull(properties, "properties");
            properties.forEach((name, value) -> {
                if (value == null) {
                    throw new IllegalArgumentException("setting '" + name + "' has no value");
                }
            });
            String key = properties.get("api-key");
            String secret = properties.get("api-secret");
            if ((key == null) != (secret == null)) {
                throw new IllegalArgumentException("api-key and api-secret come together");
            }
            if (key != null) {
                credentials(Credentials.of(key, secret));
            }
            properties.forEach((name, value) -> {
                if (!name.equals("api-key") && !name.equals("api-secret") && !property(name, value)) {
                    throw new IllegalArgumentException("unknown setting '" + name + "'");
                }
            });
            return self();
        }

        /**
         * Applies one textual setting; a venue's builder handles its own keys and defers to this one.
         *
         * @return whether the key is known
         */
        protected boolean property(String name, String value) {
            switch (name) {
                case "rest-url" -> restUrl(value);
                case "ws-url" -> wsUrl(value);
                case "connect-timeout" -> connectTimeout(duration(name, value));
                case "response-timeout" -> responseTimeout(duration(name, value));
                case "max-retry-after" -> maxRetryAfter(duration(name, value));
                case "attempt-timeout" -> http(http.mutate().attemptTimeout(duration(name, value)).build());
                case "max-rate-limit-wait" -> http(http.mutate().maxRateLimitWait(duration(name, value)).build());
                case "max-response-body-size" -> {
                    try {
                        http(http.mutate().maxResponseBodySize(Integer.parseInt(value.trim())).build());
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("max-response-body-size must be a whole number of bytes: "
                                + value);
                    }
                }
                case "max-attempts" -> {
                    try {
                        maxAttempts(Integer.parseInt(value.trim()));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("max-attempts must be a whole number: " + value);
                    }
                }
                default -> {
                    return false;
                }
            }
            return true;
        }

        /** An ISO-8601 duration such as {@code PT10S}. */
        protected static Duration duration(String name, String value) {
            try {
                return Duration.parse(value.trim());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(name + " must be an ISO-8601 duration such as PT10S: " + value);
            }
        }
    }
}
