package io.exflux.reactive;

import io.exflux.api.ExchangeClient;
import io.exflux.reactive.config.VenueOptions;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The venues on the class or module path, by id, through {@link ExchangeProvider}s found with
 * {@link ServiceLoader}.
 *
 * <pre>{@code
 * ExchangeClient alp = Exchanges.create("alp", Map.of("api-key", key, "api-secret", secret));
 * ExchangeClient same = Exchanges.create("alp", AlpOptions.builder().credentials(credentials).build());
 * }</pre>
 */
public final class Exchanges {

    private Exchanges() {
    }

    /** The ids of every venue found, sorted. */
    public static List<String> venues() {
        return List.copyOf(providers().keySet());
    }

    /**
     * A unified client of {@code venue} with these options; nothing connects before the first call.
     *
     * @throws IllegalArgumentException for a venue not found, or options of another venue
     */
    public static ExchangeClient create(String venue, VenueOptions options) {
        Objects.requireNonNull(options, "options");
        return provider(venue).create(options);
    }

    /**
     * A unified client of {@code venue} from textual settings ({@code api-key}, {@code api-secret},
     * {@code response-timeout}, ... and the venue's own keys); nothing connects before the first call.
     *
     * @throws IllegalArgumentException for a venue not found, an unknown key or a value that does not parse
     */
    public static ExchangeClient create(String venue, Map<String, String> properties) {
        Objects.requireNonNull(properties, "properties");
        ExchangeProvider provider = provider(venue);
        return provider.create(provider.options(properties));
    }

    /** The provider of {@code venue}. */
    public static ExchangeProvider provider(String venue) {
        String id = venue == null ? "" : venue.trim().toLowerCase(Locale.ROOT);
        Map<String, ExchangeProvider> all = providers();
        ExchangeProvider provider = all.get(id);
        if (provider == null) {
            throw new IllegalArgumentException("no exflux venue '" + venue + "' (found: " + all.keySet() + ")");
        }
        return provider;
    }

    private static Map<String, ExchangeProvider> providers() {
        Map<String, ExchangeProvider> byId = new TreeMap<>();
        for (ExchangeProvider provider : ServiceLoader.load(ExchangeProvider.class, Exchanges.class.getClassLoader())) {
            byId.putIfAbsent(provider.venue(), provider);
        }
        return byId;
    }
}
