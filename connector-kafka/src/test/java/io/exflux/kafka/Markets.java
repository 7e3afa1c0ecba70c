package io.exflux.kafka;

import io.exflux.api.model.CurrencyPair;
import io.exflux.reactive.config.Backoff;
import io.exflux.reactive.config.StreamOptions;
import io.exflux.reactive.venue.alp.AlpExchangeClient;
import io.exflux.reactive.venue.alp.AlpOptions;
import io.exflux.reactive.venue.v1.V1Dialect;
import io.exflux.reactive.venue.v1.V1ExchangeClient;
import io.exflux.reactive.venue.v1.V1Options;
import io.exflux.testkit.alp.AlpSimulator;
import io.exflux.testkit.alp.AlpSimulatorOptions;
import io.exflux.testkit.sim.GeneratorSettings;
import io.exflux.testkit.sim.MarketSpec;
import io.exflux.testkit.v1.V1Simulator;
import io.exflux.testkit.v1.V1SimulatorOptions;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The two simulated venues of the Kafka tests, six markets each, and clients of them. */
final class Markets {

    static final String ALP = "alp";
    static final String BTC_ALPHA = "btc-alpha";

    static final Map<CurrencyPair, BigDecimal> ALP_PRICES = prices("BTC_USDT", "65000", "ETH_USDT", "3200",
            "LTC_USDT", "80", "XRP_USDT", "0.6", "SOL_USDT", "150", "ADA_USDT", "0.45");
    static final Map<CurrencyPair, BigDecimal> V1_PRICES = prices("BTC_USD", "65000", "ETH_USD", "3200",
            "ETH_BTC", "0.05", "LTC_USD", "80", "XRP_USD", "0.6", "SOL_USD", "150");

    private Markets() {
    }

    static AlpSimulator alp(long seed, Duration step) {
        return AlpSimulator.start(AlpSimulatorOptions.builder().markets(specs(ALP_PRICES, "0.0001", "10"))
                .generator(GeneratorSettings.defaults().withSeed(seed).withStepInterval(step).withStartPrices(ALP_PRICES))
                .build());
    }

    static V1Simulator btcAlpha(long seed, Duration step) {
        return V1Simulator.start(V1SimulatorOptions.builder(io.exflux.testkit.v1.V1Dialect.BTC_ALPHA).unthrottled()
                .markets(specs(V1_PRICES, "0.00000001", "0"))
                .generator(GeneratorSettings.defaults().withSeed(seed).withStepInterval(step).withStartPrices(V1_PRICES))
                .build());
    }

    static AlpExchangeClient alpClient(String restUrl, String wsUrl) {
        return AlpExchangeClient.create(AlpOptions.builder().restUrl(restUrl).wsUrl(wsUrl)
                .rateLimit(AlpOptions.PUBLIC_SCOPE, null).rateLimit(AlpOptions.PRIVATE_SCOPE, null)
                .streamOptions(StreamOptions.builder().backoff(Backoff.constant(Duration.ofMillis(200))).build())
                .build());
    }

    static V1ExchangeClient btcAlphaClient(String apiRootUrl, String socketUrl) {
        return V1ExchangeClient.create(V1Options.builder(V1Dialect.BTC_ALPHA).restUrl(apiRootUrl)
                .wsUrl(socketUrl.replace("/socket.io/", ""))
                .streamOptions(StreamOptions.builder().backoff(Backoff.constant(Duration.ofMillis(200))).build())
                .build());
    }

    static List<StreamKey> keys() {
        List<StreamKey> keys = new ArrayList<>();
        ALP_PRICES.keySet().forEach(p -> keys.add(StreamKey.of(ALP, p)));
        V1_PRICES.keySet().forEach(p -> keys.add(StreamKey.of(BTC_ALPHA, p)));
        return keys;
    }

    private static List<MarketSpec> specs(Map<CurrencyPair, BigDecimal> prices, String minAmount, String minValue) {
        List<MarketSpec> specs = new ArrayList<>();
        for (CurrencyPair pair : prices.keySet()) {
            int pricePrecision = prices.get(pair).compareTo(BigDecimal.ONE) < 0 ? 6 : 2;
            specs.add(MarketSpec.of(pair.base(), pair.quote(), pricePrecision, 8, minAmount, "100000000", minValue));
        }
        return specs;
    }

    private static Map<CurrencyPair, BigDecimal> prices(String... pairsAndPrices) {
        Map<CurrencyPair, BigDecimal> map = new LinkedHashMap<>();
        for (int i = 0; i < pairsAndPrices.length; i += 2) {
            map.put(CurrencyPair.parse(pairsAndPrices[i]), new BigDecimal(pairsAndPrices[i + 1]));
        }
        return map;
    }
}
