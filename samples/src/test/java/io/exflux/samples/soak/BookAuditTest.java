package io.exflux.samples.soak;

import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.OrderBook;
import io.exflux.api.model.PriceLevel;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A quiet check compares the client's last book with the venue's level by level, by value. */
class BookAuditTest {

    private static final CurrencyPair PAIR = CurrencyPair.of("BTC", "USDT");

    @Test
    void equalLevelsMatchWhateverTheScaleOfTheirNumbers() {
        BookAudit audit = new BookAudit();
        assertThat(audit.matches(book("65000.00", "0.50"))).isFalse();

        audit.onBook(book("65000.0", "0.5"));

        assertThat(audit.hasBook()).isTrue();
        assertThat(audit.matches(book("65000.00", "0.50"))).isTrue();
        assertThat(audit.matches(book("65000.00", "0.49"))).isFalse();
        assertThat(audit.matches(new OrderBook(PAIR, List.of(), List.of(PriceLevel.of("65001", "0.5")),
                Instant.EPOCH, -1))).isFalse();
    }

    private static OrderBook book(String bid, String amount) {
        return new OrderBook(PAIR, List.of(PriceLevel.of(bid, amount)), List.of(PriceLevel.of("65001", "0.5")),
                Instant.EPOCH, -1);
    }
}
