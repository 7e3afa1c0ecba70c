package io.exflux.spring.boot;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * The {@code exflux.*} properties: one entry under {@code exflux.venues} per client, keyed by a name of the
 * application's choosing (the venue id unless {@code type} says otherwise).
 *
 * <pre>
 * exflux.venues.alp.api-key=...
 * exflux.venues.alp.api-secret=...
 * exflux.venues.alp.rate-limits.public.permits=10
 * exflux.venues.alp.rate-limits.public.period=1s
 * exflux.venues.btc-alpha.simulator=true
 * exflux.venues.btc-alpha.stream.stall-timeout=20s
 * </pre>
 *
 * Validated when bound: a bad value fails the application's start with an error that names its property, for
 * example {@code exflux.venues.alp.max-attempts}.
 */
@ConfigurationProperties("exflux")
public class ExfluxProperties implements Validator {

    /** The venue clients, by name. */
    private Map<String, Venue> venues = new LinkedHashMap<>();

    /**
     * Whether the clients share the event loops and connection pool of Spring's reactor-netty resources
     * ({@code ReactorResourceFactory}) when the application has them; otherwise exflux creates its own and closes
     * them with the context.
     */
    private boolean shareReactorResources = true;

    /** The longest a health check waits for the venue's REST answer. */
    private Duration healthTimeout = Duration.ofSeconds(5);

    /** The longest the context's stop waits for the clients to close their sockets. */
    private Duration shutdownTimeout = Duration.ofSeconds(10);

    public Map<String, Venue> getVenues() {
        return venues;
    }

    public void setVenues(Map<String, Venue> venues) {
        this.venues = venues;
    }

    public boolean isShareReactorResources() {
        return shareReactorResources;
    }

    public void setShareReactorResources(boolean shareReactorResources) {
        this.shareReactorResources = shareReactorResources;
    }

    public Duration getHealthTimeout() {
        return healthTimeout;
    }

    public void setHealthTimeout(Duration healthTimeout) {
        this.healthTimeout = healthTimeout;
    }

    public Duration getShutdownTimeout() {
        return shutdownTimeout;
    }

    public void setShutdownTimeout(Duration shutdownTimeout) {
        this.shutdownTimeout = shutdownTimeout;
    }

    @Override
    public boolean supports(Class<?> type) {
        return ExfluxProperties.class.isAssignableFrom(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        ExfluxProperties properties = (ExfluxProperties) target;
        if (properties.healthTimeout == null || properties.healthTimeout.isNegative()
                || properties.healthTimeout.isZero()) {
            errors.rejectValue("healthTimeout", "exflux.positive", "exflux.health-timeout: must be a positive duration");
        }
        if (properties.shutdownTimeout == null || properties.shutdownTimeout.isNegative()) {
            errors.rejectValue("shutdownTimeout", "exflux.positive",
                    "exflux.shutdown-timeout: must not be negative");
        }
        properties.venues.forEach((name, venue) -> VenueOptionsFactory.validate(name, venue, errors));
    }

    /** One venue client: {@code exflux.venues.<name>.*}. */
    public static class Venue {

        /** The venue: alp, btc-alpha, bitexbit, btse (default: the entry's name). */
        private String type;

        /** The API key; public calls only when absent. */
        private String apiKey;

        /** The API secret; comes with the API key. */
        private String apiSecret;

        /** The REST base URL, http or https, without credentials (default: the venue's production URL). */
        private String restUrl;

        /** The websocket URL, ws or wss, without credentials (default: the venue's production URL). */
        private String wsUrl;

        /**
         * Whether to start the venue's embedded simulator (io.exflux:connector-testkit on the class path) and
         * point this client at it: for development and tests, never against real money.
         */
        private boolean simulator;

        /** The time allowed to open a REST connection. */
        private Duration connectTimeout;

        /** The longest silence while waiting for or reading a REST answer. */
        private Duration responseTimeout;

        /** The most attempts per REST call, the first included (1 disables retries). */
        private Integer maxAttempts;

        /** The rate limit of each scope ("public" is counted per venue, the others per API key). */
        private Map<String, Limit> rateLimits = new LinkedHashMap<>();

        /** The websocket streams' settings. */
        private Stream stream = new Stream();

        /** The venue's own textual settings (e.g. socket-path, engine-io for the v1 venues). */
        private Map<String, String> settings = new LinkedHashMap<>();

        /** The venue id this entry configures: {@code type}, or the entry's name. */
        String venueId(String name) {
            return type == null || type.isBlank() ? name : type.trim();
        }

        public String getType() {
            return type;
        }

        public void setType(String type) {
            this.type = type;
        }

        public String getApiKey() {
            return apiKey;
        }

        public void setApiKey(String apiKey) {
            this.apiKey = apiKey;
        }

        public String getApiSecret() {
            return apiSecret;
        }

        public void setApiSecret(String apiSecret) {
            this.apiSecret = apiSecret;
        }

        public String getRestUrl() {
            return restUrl;
        }

        public void setRestUrl(String restUrl) {
            this.restUrl = restUrl;
        }

        public String getWsUrl() {
            return wsUrl;
        }

        public void setWsUrl(String wsUrl) {
            this.wsUrl = wsUrl;
        }

        public boolean isSimulator() {
            return simulator;
        }

        public void setSimulator(boolean simulator) {
            this.simulator = simulator;
        }

        public Duration getConnectTimeout() {
            return connectTimeout;
        }

        public void setConnectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
        }

        public Duration getResponseTimeout() {
            return responseTimeout;
        }

        public void setResponseTimeout(Duration responseTimeout) {
            this.responseTimeout = responseTimeout;
        }

        public Integer getMaxAttempts() {
            return maxAttempts;
        }

        public void setMaxAttempts(Integer maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        public Map<String, Limit> getRateLimits() {
            return rateLimits;
        }

        public void setRateLimits(Map<String, Limit> rateLimits) {
            this.rateLimits = rateLimits;
        }

        public Stream getStream() {
            return stream;
        }

        public void setStream(Stream stream) {
            this.stream = stream;
        }

        public Map<String, String> getSettings() {
            return settings;
        }

        public void setSettings(Map<String, String> settings) {
            this.settings = settings;
        }

        /** Credentials never reach a log or an error message. */
        @Override
        public String toString() {
            return "Venue[type=" + type + ", apiKey=" + (apiKey == null ? "none" : "set") + ", simulator=" + simulator
                    + "]";
        }
    }

    /** A rate limit: {@code permits} calls every {@code period}, bursts of up to {@code burst}. */
    public static class Limit {

        /** Calls allowed per period. */
        private int permits;

        /** The period. */
        private Duration period = Duration.ofSeconds(1);

        /** The most calls sent at once (default: none beyond the steady rate). */
        private Integer burst;

        public int getPermits() {
            return permits;
        }

        public void setPermits(int permits) {
            this.permits = permits;
        }

        public Duration getPeriod() {
            return period;
        }

        public void setPeriod(Duration period) {
            this.period = period;
        }

        public Integer getBurst() {
            return burst;
        }

        public void setBurst(Integer burst) {
            this.burst = burst;
        }
    }

    /** Websocket stream settings; each absent one keeps the library's default. */
    public static class Stream {

        /** The time allowed to open a websocket. */
        private Duration connectTimeout;

        /** The time the venue has to answer the handshake and subscriptions. */
        private Duration handshakeTimeout;

        /** The silence after which a connection counts as stalled and is replaced. */
        private Duration stallTimeout;

        /** How long a topic stays subscribed after its last subscriber left. */
        private Duration unsubscribeGrace;

        /** Connect attempts in a row before streams fail (0: unlimited). */
        private Integer maxConnectAttempts;

        public Duration getConnectTimeout() {
            return connectTimeout;
        }

        public void setConnectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
        }

        public Duration getHandshakeTimeout() {
            return handshakeTimeout;
        }

        public void setHandshakeTimeout(Duration handshakeTimeout) {
            this.handshakeTimeout = handshakeTimeout;
        }

        public Duration getStallTimeout() {
            return stallTimeout;
        }

        public void setStallTimeout(Duration stallTimeout) {
            this.stallTimeout = stallTimeout;
        }

        public Duration getUnsubscribeGrace() {
            return unsubscribeGrace;
        }

        public void setUnsubscribeGrace(Duration unsubscribeGrace) {
            this.unsubscribeGrace = unsubscribeGrace;
        }

        public Integer getMaxConnectAttempts() {
            return maxConnectAttempts;
        }

        public void setMaxConnectAttempts(Integer maxConnectAttempts) {
            this.maxConnectAttempts = maxConnectAttempts;
        }
    }
}
