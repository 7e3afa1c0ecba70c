package io.exflux.reactive.venue.btse;

import io.exflux.api.ExchangeClient;
import io.exflux.reactive.ExchangeProvider;
import io.exflux.reactive.config.VenueOptions;
import java.util.Map;

/** BTSE spot in {@link io.exflux.reactive.Exchanges}: id {@code btse}, options {@link BtseOptions}. */
public final class BtseExchangeProvider implements ExchangeProvider {

    /** For {@link java.util.ServiceLoader}. */
    public BtseExchangeProvider() {
    }

    @Override
    public String venue() {
        return "btse";
    }

    @Override
    public Class<BtseOptions> optionsType() {
        return BtseOptions.class;
    }

    @Override
    public ExchangeClient create(VenueOptions options) {
        if (options instanceof BtseOptions btse) {
            return BtseExchangeClient.create(btse);
        }
        throw new IllegalArgumentException("BTSE needs BtseOptions, not "
                + (options == null ? null : options.getClass().getSimpleName()));
    }

    /**
     * Keys: {@code rest-url}, {@code ws-url}, {@code order-book-ws-url}, {@code headers}, {@code testnet} and the
     * core ones of {@link VenueOptions.Builder#properties}.
     */
    @Override
    public BtseOptions options(Map<String, String> properties) {
        return BtseOptions.builder().properties(properties).build();
    }
}
