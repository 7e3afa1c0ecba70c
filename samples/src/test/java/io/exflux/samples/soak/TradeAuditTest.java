package io.exflux.samples.soak;

import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.Side;
import io.exflux.api.model.Trade;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the soak's table says of a trade stream, against a venue log written out by hand. */
class TradeAuditTest {

    private static final CurrencyPair BTC_USDT = CurrencyPair.of("BTC", "USDT");

    @Test
    void countsFromTheFirstDeliveredTradeTheOnesMissedDuplicatedAndUnknown() {
        TradeAudit audit = new TradeAudit();
        List.of("3", "4", "4", "7", "99").forEach(id -> audit.onTrade(trade(id)));

        TradeAudit.Tally tally = audit.compare(List.of("1", "2", "3", "4", "5", "6", "7", "8"));

        // the log from 3 on: 3..8 is six trades; 5, 6 and 8 never came; 4 came twice; 99 is no trade of the venue
        assertThat(tally).isEqualTo(new TradeAudit.Tally(6, 5, 3, 1, 1));
        assertThat(audit.delivered("7")).isTrue();
        assertThat(audit.delivered("8")).isFalse();
    }

    @Test
    void aStreamThatDeliveredNothingOwesNothingAndTalliesAdd() {
        TradeAudit.Tally silent = new TradeAudit().compare(List.of("1", "2"));

        assertThat(silent).isEqualTo(TradeAudit.Tally.NONE);
        assertThat(new TradeAudit.Tally(6, 5, 3, 1, 1).plus(new TradeAudit.Tally(2, 2, 0, 0, 0)))
                .isEqualTo(new TradeAudit.Tally(8, 7, 3, 1, 1));
    }

    private static Trade trade(String id) {
        return new Trade(BTC_USDT, id, new BigDecimal("65000"), new BigDecimal("0.01"), Side.BUY, Instant.EPOCH);
    }
}
