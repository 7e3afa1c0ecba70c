package io.exflux.samples.soak;

import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.Side;
import io.exflux.api.model.Trade;
import io.exflux.api.stream.ConnectionEvent;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the soak's table says of a trade stream, against a venue log written out by hand. */
class TradeAuditTest {

    private static final CurrencyPair BTC_USDT = CurrencyPair.of("BTC", "USDT");

    @Test
    void countsFromTheFirstDeliveredTradeTheOnesMissedDuplicatedAndUnknown() {
        TradeAudit audit = new TradeAudit(BTC_USDT);
        List.of("3", "4", "4", "7", "99").forEach(id -> audit.onTrade(trade(id)));

        TradeAudit.Tally tally = audit.compare(List.of("1", "2", "3", "4", "5", "6", "7", "8"), List.of());

        // the log from 3 on: 3..8 is six trades; 5, 6 and 8 never came; 4 came twice; 99 is no trade of the venue
        assertThat(tally).isEqualTo(new TradeAudit.Tally(6, 5, 3, 0, 1, 1, List.of("5..6 (2)", "8 (1)")));
        assertThat(tally.silent()).isEqualTo(3);
        assertThat(audit.delivered("7")).isTrue();
        assertThat(audit.delivered("8")).isFalse();
    }

    @Test
    void aStreamThatDeliveredNothingOwesNothingAndTalliesAdd() {
        TradeAudit.Tally silent = new TradeAudit(BTC_USDT).compare(List.of("1", "2"), List.of());

        assertThat(silent).isEqualTo(TradeAudit.Tally.NONE);
        assertThat(new TradeAudit.Tally(6, 5, 3, 2, 1, 1, List.of("4 (1)"))
                .plus(new TradeAudit.Tally(2, 2, 1, 0, 0, 0, List.of("e9 (1)"))))
                .isEqualTo(new TradeAudit.Tally(8, 7, 4, 2, 1, 1, List.of("4 (1)", "e9 (1)")));
    }

    @Test
    void aMissedTradeInsideAnAnnouncedGapOfThePairIsAnnounced_otherGapsDoNotCover() {
        TradeAudit audit = new TradeAudit(BTC_USDT);
        List.of("1", "2", "6", "9").forEach(id -> audit.onTrade(trade(id)));
        List<String> log = List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");

        TradeAudit.Tally tally = audit.compare(log, List.of(
                gap("trades:BTC_USDT", "2", "6"),        // 3, 4 and 5: announced
                gap("trades:ETH_USDT", "e7", "e9"),      // another pair's ids: covers nothing here
                gap("trades:ETH_USDT", null, null),      // no ids, another pair's topic
                gap("trades:BTC_USDT", "9", null)));     // after 9, nothing after it known yet: 10

        // 7 and 8 fell between 6 and 9 with no gap announced
        assertThat(tally).isEqualTo(new TradeAudit.Tally(10, 4, 6, 4, 0, 0, List.of("7..8 (2)")));
        assertThat(tally.silent()).isEqualTo(2);
    }

    private static ConnectionEvent.Gap gap(String topic, String fromId, String toId) {
        return new ConnectionEvent.Gap(URI.create("ws://127.0.0.1:1/ws"), Instant.EPOCH, topic, fromId,
                Instant.EPOCH, toId, null);
    }

    private static Trade trade(String id) {
        return new Trade(BTC_USDT, id, new BigDecimal("65000"), new BigDecimal("0.01"), Side.BUY, Instant.EPOCH);
    }
}
