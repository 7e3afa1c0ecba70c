package io.exflux.samples.cli.command;

import io.exflux.api.ExchangeClient;
import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.PairInfo;
import io.exflux.samples.cli.render.MarketScale;
import java.util.Map;
import java.util.stream.Collectors;

/** Every market's price and amount decimals, read once from the venue, for commands that print several markets. */
final class MarketScales {

    private final Map<CurrencyPair, MarketScale> scales;

    private MarketScales(Map<CurrencyPair, MarketScale> scales) {
        this.scales = scales;
    }

    /** The venue's markets (one REST call). */
    static MarketScales of(ExchangeClient client) {
        return new MarketScales(client.pairs().collectList().block(Requests.TIMEOUT).stream()
                .collect(Collectors.toMap(PairInfo::pair, MarketScale::of, (a, b) -> a)));
    }

    /** One market's scales (one REST call, which also fails for an unknown market). */
    static MarketScale of(ExchangeClient client, CurrencyPair pair) {
        return MarketScale.of(client.pair(pair).block(Requests.TIMEOUT));
    }

    /** The scales of {@code pair}; values of a market the venue no longer lists print as they are. */
    MarketScale scale(CurrencyPair pair) {
        return scales.getOrDefault(pair, MarketScale.AS_IS);
    }
}
