package io.exflux.api;

import io.exflux.api.error.UnsupportedCapabilityException;
import io.exflux.api.model.CurrencyPair;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class UnsupportedCapabilityTest {

    /** A client that serves nothing: every default answers with a typed error through the publisher. */
    private static final ExchangeClient NOTHING = new ExchangeClient() {
        @Override
        public String venue() {
            return "none";
        }

        @Override
        public Capabilities capabilities() {
            return Capabilities.of();
        }

        @Override
        public Mono<Void> closeGracefully() {
            return Mono.empty();
        }
    };

    @Test
    void unsupportedCallsFailThroughThePublisherWithTheCapability() {
        StepVerifier.create(NOTHING.watchTrades(CurrencyPair.of("BTC", "USDT")))
                .expectErrorSatisfies(e -> org.assertj.core.api.Assertions.assertThat(e)
                        .isInstanceOf(UnsupportedCapabilityException.class)
                        .hasMessage("none does not support WATCH_TRADES"))
                .verify();
        StepVerifier.create(NOTHING.balances())
                .expectError(UnsupportedCapabilityException.class)
                .verify();
    }

    @Test
    void theDefaultPairLookupRefusesAMissingPairBeforeAskingTheVenue() {
        StepVerifier.create(NOTHING.pair(null))
                .expectError(io.exflux.api.error.InvalidRequestException.class)
                .verify();
    }
}
