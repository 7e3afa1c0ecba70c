package io.exflux.api.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Each rule of the wallet and amendment requests is named in its violation; good requests have none. */
class WalletRequestRulesTest {

    private static final CurrencyPair BTC_USD = CurrencyPair.of("BTC", "USD");

    @Test
    void aWithdrawalNeedsCurrencyAddressAndAPositiveAmount() {
        assertThat(WithdrawalRequest.of("BTC", "Bitcoin", new BigDecimal("0.001"), "bc1q").violations()).isEmpty();
        assertThat(new WithdrawalRequest(" ", "", new BigDecimal("-1"), null, "", true).violations())
                .containsExactly("currency is required", "network must not be blank when given",
                        "amount must be positive, was -1", "address is required", "tag must not be blank when given");
        assertThat(WalletRequestRules.violations((WithdrawalRequest) null)).containsExactly("withdrawal request is null");
    }

    @Test
    void aTransferNeedsARecipientAndAPlausibleEmail() {
        assertThat(new TransferRequest("BTC", BigDecimal.ONE, "jamesbond", "james.bond@google.com").violations())
                .isEmpty();
        assertThat(new TransferRequest("BTC", BigDecimal.ZERO, "", "nomail").violations())
                .containsExactly("amount must be positive, was 0", "recipient is required",
                        "recipientEmail must be an e-mail address");
    }

    @Test
    void aConversionNeedsTwoDifferentCurrencies() {
        assertThat(new ConversionRequest("BTC", "USD", BigDecimal.ONE).violations()).isEmpty();
        assertThat(new ConversionRequest("BTC", "btc", null).violations())
                .containsExactly("fromCurrency and toCurrency must differ, both were BTC", "amount is required");
    }

    @Test
    void anAmendmentNamesOneOrderAndChangesSomething() {
        assertThat(OrderAmendment.price(BTC_USD, "42", new BigDecimal("8500")).violations()).isEmpty();
        assertThat(OrderAmendment.amount(BTC_USD, "42", BigDecimal.ONE).byClientOrderId("mine").violations())
                .isEmpty();
        assertThat(new OrderAmendment(null, "42", "mine", null, null, null).violations())
                .containsExactly("pair is required", "exactly one of orderId and clientOrderId names the order",
                        "an amendment changes at least one of price, amount and triggerPrice");
        assertThat(OrderAmendment.triggerPrice(BTC_USD, "42", new BigDecimal("-2")).violations())
                .containsExactly("triggerPrice must be positive, was -2");
        assertThat(new OrderAmendment(BTC_USD, "1", null, BigDecimal.ONE, BigDecimal.ONE, null).changeCount())
                .isEqualTo(2);
    }
}
