package io.exflux.reactive;

import io.exflux.api.ExchangeClient;
import io.exflux.reactive.config.VenueOptions;
import java.util.Map;

/**
 * A venue's entry in {@link Exchanges}, found with {@link java.util.ServiceLoader}: {@code provides} in a module's
 * descriptor, or {@code META-INF/services/io.exflux.reactive.ExchangeProvider} on the class path.
 */
public interface ExchangeProvider {

    /** The venue id, lower case: {@code alp}, {@code btc-alpha}, {@code bitexbit}, {@code btse}. */
    String venue();

    /** The venue's options type, e.g. {@code AlpOptions}. */
    Class<? extends VenueOptions> optionsType();

    /**
     * A unified client with these options; nothing connects before the first call.
     *
     * @throws IllegalArgumentException when the options are not this venue's {@link #optionsType()}
     */
    ExchangeClient create(VenueOptions options);

    /**
     * The venue's options from textual settings (the core keys of {@link VenueOptions.Builder#properties} and the
     * venue's own), every other setting at its default.
     *
     * @throws IllegalArgumentException for an unknown key or a value that does not parse
     */
    VenueOptions options(Map<String, String> properties);
}
