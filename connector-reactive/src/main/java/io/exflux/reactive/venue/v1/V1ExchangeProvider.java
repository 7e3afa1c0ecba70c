package io.exflux.reactive.venue.v1;

import io.exflux.api.ExchangeClient;
import io.exflux.reactive.ExchangeProvider;
import io.exflux.reactive.config.VenueOptions;
import java.util.Map;

/**
 * A v1 venue in {@link io.exflux.reactive.Exchanges}: {@link BtcAlpha} ({@code btc-alpha}) and {@link Bitexbit}
 * ({@code bitexbit}), options {@link V1Options} of that dialect. Textual keys: those of
 * {@link V1Options.Builder#properties} ({@code rest-url}, {@code ws-url}, {@code socket-path}, {@code engine-io},
 * {@code socket}, {@code body}, {@code book-route}) and the core ones.
 */
public abstract class V1ExchangeProvider implements ExchangeProvider {

    private final V1Dialect dialect;

    private V1ExchangeProvider(V1Dialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public String venue() {
        return dialect.venue();
    }

    @Override
    public Class<V1Options> optionsType() {
        return V1Options.class;
    }

    @Override
    public ExchangeClient create(VenueOptions options) {
        if (!(options instanceof V1Options v1) || v1.dialect() != dialect) {
            throw new IllegalArgumentException(dialect.displayName() + " needs V1Options of its dialect, not "
                    + options);
        }
        return V1ExchangeClient.create(v1);
    }

    @Override
    public V1Options options(Map<String, String> properties) {
        return V1Options.builder(dialect).properties(properties).build();
    }

    /** BTC-Alpha: {@code btc-alpha}. */
    public static final class BtcAlpha extends V1ExchangeProvider {
        /** For {@link java.util.ServiceLoader}. */
        public BtcAlpha() {
            super(V1Dialect.BTC_ALPHA);
        }
    }

    /** bitexbit: {@code bitexbit}. */
    public static final class Bitexbit extends V1ExchangeProvider {
        /** For {@link java.util.ServiceLoader}. */
        public Bitexbit() {
            super(V1Dialect.BITEXBIT);
        }
    }
}
