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
    void theWalletAndAmendCallsAnswerWithTheirOwnCapability() {
        CurrencyPair btcUsd = CurrencyPair.of("BTC", "USD");
        expectUnsupported(NOTHING.editOrder(io.exflux.api.model.OrderAmendment.price(btcUsd, "1",
                java.math.BigDecimal.ONE)), Capability.EDIT_ORDER);
        expectUnsupported(NOTHING.cancelAllAfter(java.time.Duration.ofSeconds(60)), Capability.CANCEL_ALL_AFTER);
        expectUnsupported(NOTHING.fetchTradingFee(btcUsd), Capability.FETCH_TRADING_FEE);
        expectUnsupported(NOTHING.fetchTradingFees(), Capability.FETCH_TRADING_FEES);
        expectUnsupported(NOTHING.fetchDepositAddress("BTC", "Bitcoin"), Capability.FETCH_DEPOSIT_ADDRESS);
        expectUnsupported(NOTHING.createDepositAddress("BTC", "Bitcoin"), Capability.CREATE_DEPOSIT_ADDRESS);
        expectUnsupported(NOTHING.withdraw(io.exflux.api.model.WithdrawalRequest.of("BTC", "Bitcoin",
                java.math.BigDecimal.ONE, "addr")), Capability.WITHDRAW);
        expectUnsupported(NOTHING.transfer(new io.exflux.api.model.TransferRequest("BTC", java.math.BigDecimal.ONE,
                "bob", null)), Capability.TRANSFER);
        expectUnsupported(NOTHING.convert(new io.exflux.api.model.ConversionRequest("BTC", "USD",
                java.math.BigDecimal.ONE)), Capability.CONVERT);
        expectUnsupported(NOTHING.fetchCurrencyNetworks("BTC"), Capability.FETCH_CURRENCY_NETWORKS);
        expectUnsupported(NOTHING.fetchExchangeRate("BTC", "USD"), Capability.FETCH_EXCHANGE_RATE);
    }

    private static void expectUnsupported(org.reactivestreams.Publisher<?> call, Capability capability) {
        StepVerifier.create(call)
                .expectErrorSatisfies(e -> org.assertj.core.api.Assertions.assertThat(e)
                        .isInstanceOf(UnsupportedCapabilityException.class)
                        .hasMessage("none does not support " + capability))
                .verify();
    }

    @Test
    void theDefaultPairLookupRefusesAMissingPairBeforeAskingTheVenue() {
        StepVerifier.create(NOTHING.pair(null))
                .expectError(io.exflux.api.error.InvalidRequestException.class)
                .verify();
    }
}
