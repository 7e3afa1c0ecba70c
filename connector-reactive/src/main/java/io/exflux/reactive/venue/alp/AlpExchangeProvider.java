package io.exflux.reactive.venue.alp;

import io.exflux.api.ExchangeClient;
import io.exflux.reactive.ExchangeProvider;
import io.exflux.reactive.config.VenueOptions;
import java.util.Map;

/** ALP.COM in {@link io.exflux.reactive.Exchanges}: id {@code alp}, options {@link AlpOptions}. */
public final class AlpExchangeProvider implements ExchangeProvider {

    /** For {@link java.util.ServiceLoader}. */
    public AlpExchangeProvider() {
    }

    @Override
    public String venue() {
        return "alp";
    }

    @Override
    public Class<AlpOptions> optionsType() {
        return AlpOptions.class;
    }

    @Override
    public ExchangeClient create(VenueOptions options) {
        if (!(options instanceof AlpOptions alp)) {
            throw new IllegalArgumentException("ALP needs AlpOptions, not " + (options == null ? null
                    : options.getClass().getSimpleName()));
        }
        return AlpExchangeClient.create(alp);
    }

    /** Keys: {@code rest-url}, {@code ws-url} and the core ones of {@link VenueOptions.Builder#properties}. */
    @Override
    public AlpOptions options(Map<String, String> properties) {
        return AlpOptions.builder().properties(properties).build();
    }
}
