package io.exflux.reactive.venue.alp;

import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.OrderBook;
import io.exflux.api.model.PairInfo;
import io.exflux.api.model.PriceLevel;
import io.exflux.reactive.internal.book.ApplyResult;
import io.exflux.reactive.internal.book.OrderBookEngine;
import io.exflux.reactive.internal.book.ResyncReason;
import io.exflux.reactive.venue.alp.internal.AlpScaledFrames;
import io.exflux.reactive.venue.alp.internal.AlpMapper;
import io.exflux.reactive.venue.alp.model.AlpDiff;
import io.exflux.reactive.venue.alp.model.AlpLevel;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** ALP diffs scaled straight into the book ({@link AlpScaledFrames}) leave the book {@link AlpMapper#diff} leaves. */
class AlpScaledFramesTest {

    private static final CurrencyPair PAIR = CurrencyPair.of("BTC", "USDT");
    private static final PairInfo INFO = new PairInfo(PAIR, "BTC_USDT", 2, 6, null, null, null);
    private static final Instant T0 = Instant.parse("2026-11-29T00:00:00Z");

    private static OrderBook seed() {
        return new OrderBook(PAIR, List.of(PriceLevel.of("100", "5"), PriceLevel.of("99", "5")),
                List.of(PriceLevel.of("101", "5"), PriceLevel.of("102", "5")), T0, -1);
    }

    private static List<AlpLevel> randomLevels(Random random, int base) {
        List<AlpLevel> levels = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            levels.add(new AlpLevel(BigDecimal.valueOf(base + random.nextInt(400), 2),
                    BigDecimal.valueOf(random.nextInt(3_000_000) - 1_000_000, 6)));
        }
        return levels;
    }

    @Test
    void randomDiffsLeaveTheSameBookAsTheirRecords() {
        Random random = new Random(29);
        OrderBookEngine viaRecords = new OrderBookEngine(INFO);
        OrderBookEngine viaFrames = new OrderBookEngine(INFO);
        viaRecords.applySnapshot(seed());
        viaFrames.applySnapshot(seed());
        int applied = 0;
        for (int i = 0; i < 20_000; i++) {
            AlpDiff diff = new AlpDiff(T0.plusSeconds(i), "BTC_USDT", randomLevels(random, 10_100),
                    randomLevels(random, 9_600));
            ApplyResult records = viaRecords.apply(AlpMapper.diff(diff));
            ApplyResult frames = viaFrames.apply(AlpScaledFrames.diff(diff));
            assertThat(frames.status()).as("diff %d", i).isEqualTo(records.status());
            assertThat(frames.reason()).as("diff %d", i).isEqualTo(records.reason());
            if (records.needsSnapshot()) {
                viaRecords.applySnapshot(seed());
                viaFrames.applySnapshot(seed());
            } else {
                applied++;
            }
            assertThat(viaFrames.view(20)).as("diff %d", i).isEqualTo(viaRecords.view(20));
        }
        assertThat(applied).isGreaterThan(5_000);
    }

    @Test
    void aValueFinerThanTheMarketAsksForANewBookAsTheRecordDoes() {
        OrderBookEngine engine = new OrderBookEngine(INFO);
        engine.applySnapshot(seed());
        AlpDiff diff = new AlpDiff(T0, "BTC_USDT", List.of(),
                List.of(new AlpLevel(new BigDecimal("100.001"), BigDecimal.ONE)));

        ApplyResult result = engine.apply(AlpScaledFrames.diff(diff));

        assertThat(result.reason()).isEqualTo(ResyncReason.INVALID_UPDATE);
        assertThat(result.detail()).contains("100.001");
    }
}
