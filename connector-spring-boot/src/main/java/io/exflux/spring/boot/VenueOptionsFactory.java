package io.exflux.spring.boot;

import io.exflux.reactive.ClientResources;
import io.exflux.reactive.ExchangeProvider;
import io.exflux.reactive.Exchanges;
import io.exflux.reactive.config.RateLimit;
import io.exflux.reactive.config.StreamOptions;
import io.exflux.reactive.config.VenueOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;

/**
 * Turns one {@code exflux.venues.<name>} entry into the venue's options, and checks each of its values with the
 * venue's own rules (the options builders), so that a bad value is reported under its property name.
 */
final class VenueOptionsFactory {

    private static final String INVALID = "exflux.invalid";

    private VenueOptionsFactory() {
    }

    /**
     * The options of the entry {@code name}: its textual settings read by the venue's provider, then the shared
     * resources, rate limits and stream settings; {@code simulator} (nullable) replaces the URLs, and gives its
     * demo account when the entry names no API key.
     *
     * @throws IllegalArgumentException for a value the venue refuses ({@link #validate} reports it first)
     */
    static VenueOptions options(String name, ExfluxProperties.Venue venue, ClientResources resources,
            EmbeddedSimulator simulator) {
        Map<String, String> text = new LinkedHashMap<>();
        if (venue.getApiKey() != null) {
            text.put("api-key", venue.getApiKey());
        }
        if (venue.getApiSecret() != null) {
            text.put("api-secret", venue.getApiSecret());
        }
        settings(venue).forEach(setting -> text.put(setting.key(), setting.value()));
        if (simulator != null) {
            text.put("rest-url", simulator.restUrl());
            text.put("ws-url", simulator.wsUrl());
            if (venue.getApiKey() == null) {
                text.put("api-key", simulator.demoApiKey());
                text.put("api-secret", simulator.demoApiSecret());
            }
        }
        VenueOptions base = Exchanges.provider(venue.venueId(name)).options(text);
        VenueOptions.Builder<?, ?> builder = base.mutate();
        builder.resources(resources);
        venue.getRateLimits().forEach((scope, limit) -> builder.rateLimit(scope, rateLimit(limit)));
        builder.streamOptions(streamOptions(venue.getStream(), base.streamOptions()));
        return builder.build();
    }

    /** Rejects each value of the entry {@code name} that its venue would refuse, naming the property. */
    static void validate(String name, ExfluxProperties.Venue venue, Errors errors) {
        String path = "venues[" + name + "]";
        String property = "exflux.venues." + name;
        ExchangeProvider provider;
        try {
            provider = Exchanges.provider(venue.venueId(name));
        } catch (IllegalArgumentException e) {
            String field = venue.getType() == null ? "" : ".type";
            reject(errors, path + field, property + (field.isEmpty() ? "" : ".type"), e.getMessage());
            return;
        }
        if (venue.getApiKey() != null && venue.getApiSecret() == null) {
            reject(errors, path + ".apiSecret", property + ".api-secret", "api-key and api-secret come together");
        } else if (venue.getApiKey() == null && venue.getApiSecret() != null) {
            reject(errors, path + ".apiKey", property + ".api-key", "api-key and api-secret come together");
        }
        if (venue.isSimulator() && !EmbeddedSimulator.available(venue.venueId(name))) {
            reject(errors, path + ".simulator", property + ".simulator", EmbeddedSimulator.unavailableReason(
                    venue.venueId(name)));
        }
        for (Setting setting : settings(venue)) {
            check(errors, path + "." + setting.field(), property + "." + setting.key(),
                    () -> provider.options(Map.of(setting.key(), setting.value())));
        }
        venue.getRateLimits().forEach((scope, limit) -> check(errors, path + ".rateLimits[" + scope + "]",
                property + ".rate-limits." + scope, () -> rateLimit(limit)));
        ExfluxProperties.Stream stream = venue.getStream();
        StreamOptions.Builder streamBuilder = StreamOptions.builder();
        String streamPath = path + ".stream.";
        String streamProperty = property + ".stream.";
        ifSet(stream.getConnectTimeout(), v -> check(errors, streamPath + "connectTimeout",
                streamProperty + "connect-timeout", () -> streamBuilder.connectTimeout(v)));
        ifSet(stream.getHandshakeTimeout(), v -> check(errors, streamPath + "handshakeTimeout",
                streamProperty + "handshake-timeout", () -> streamBuilder.handshakeTimeout(v)));
        ifSet(stream.getStallTimeout(), v -> check(errors, streamPath + "stallTimeout",
                streamProperty + "stall-timeout", () -> streamBuilder.stallTimeout(v)));
        ifSet(stream.getUnsubscribeGrace(), v -> check(errors, streamPath + "unsubscribeGrace",
                streamProperty + "unsubscribe-grace", () -> streamBuilder.unsubscribeGrace(v)));
        ifSet(stream.getMaxConnectAttempts(), v -> check(errors, streamPath + "maxConnectAttempts",
                streamProperty + "max-connect-attempts", () -> streamBuilder.maxConnectAttempts(v)));
    }

    private static StreamOptions streamOptions(ExfluxProperties.Stream stream, StreamOptions base) {
        StreamOptions.Builder builder = base.mutate();
        ifSet(stream.getConnectTimeout(), builder::connectTimeout);
        ifSet(stream.getHandshakeTimeout(), builder::handshakeTimeout);
        ifSet(stream.getStallTimeout(), builder::stallTimeout);
        ifSet(stream.getUnsubscribeGrace(), builder::unsubscribeGrace);
        ifSet(stream.getMaxConnectAttempts(), builder::maxConnectAttempts);
        return builder.build();
    }

    private static RateLimit rateLimit(ExfluxProperties.Limit limit) {
        RateLimit rate = RateLimit.of(limit.getPermits(), limit.getPeriod());
        return limit.getBurst() == null ? rate : rate.withBurst(limit.getBurst());
    }

    /** The entry's values that the venue's provider reads as text, each with its field and its key. */
    private static List<Setting> settings(ExfluxProperties.Venue venue) {
        List<Setting> settings = new ArrayList<>();
        add(settings, "restUrl", "rest-url", venue.getRestUrl());
        add(settings, "wsUrl", "ws-url", venue.getWsUrl());
        add(settings, "connectTimeout", "connect-timeout", venue.getConnectTimeout());
        add(settings, "responseTimeout", "response-timeout", venue.getResponseTimeout());
        add(settings, "maxAttempts", "max-attempts", venue.getMaxAttempts());
        venue.getSettings().forEach((key, value) -> add(settings, "settings[" + key + "]", key, value));
        return settings;
    }

    private static void add(List<Setting> settings, String field, String key, Object value) {
        if (value != null) {
            settings.add(new Setting(field, key, value.toString()));
        }
    }

    private static <T> void ifSet(T value, Consumer<T> action) {
        if (value != null) {
            action.accept(value);
        }
    }

    private static void check(Errors errors, String field, String property, Runnable attempt) {
        try {
            attempt.run();
        } catch (IllegalArgumentException e) {
            reject(errors, field, property, e.getMessage());
        }
    }

    /**
     * The message starts with the property's name, as the user wrote it; secrets are never in it. Nor is the value:
     * {@code rejectValue} would record it, and Spring prints it (an API secret, a URL with a password).
     */
    private static void reject(Errors errors, String field, String property, String message) {
        String text = property + ": " + message;
        if (errors instanceof BindingResult result) {
            result.addError(new FieldError(result.getObjectName(), field, null, false,
                    result.resolveMessageCodes(INVALID, field), null, text));
        } else {
            errors.reject(INVALID, text);
        }
    }

    /** One textual setting: the properties field, the provider's key, the value. */
    private record Setting(String field, String key, String value) {
        @Override
        public String toString() {
            return key;
        }
    }
}
