package io.exflux.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.exflux.api.error.ProtocolException;
import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.OrderBookUpdate;
import io.exflux.api.model.PriceLevel;
import io.exflux.api.model.Side;
import io.exflux.api.model.Ticker;
import io.exflux.api.model.Trade;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnvelopeCodecTest {

    private static final CurrencyPair PAIR = CurrencyPair.parse("BTC_USDT");
    private static final Instant T = Instant.parse("2026-11-29T12:00:00.123456Z");
    private static final Instant R = Instant.parse("2026-11-29T12:00:00.200Z");

    @Test
    void aTradeTravelsWithItsDecimalsAsStringsAndComesBackEqual() {
        Trade trade = new Trade(PAIR, "981", new BigDecimal("65000.10"), new BigDecimal("0.00000001"), Side.BUY, T);
        MarketEnvelope envelope = MarketEnvelope.trade("alp", trade, R, "c1");
        byte[] bytes = EnvelopeCodec.encode(envelope);
        String json = new String(bytes, StandardCharsets.UTF_8);

        assertThat(json).contains("\"v\":1", "\"venue\":\"alp\"", "\"pair\":\"BTC_USDT\"", "\"kind\":\"trade\"",
                "\"seq\":\"981\"", "\"price\":\"65000.10\"", "\"amount\":\"0.00000001\"", "\"side\":\"buy\"");
        assertThat(EnvelopeCodec.decode(bytes)).isEqualTo(envelope);
    }

    @Test
    void bookUpdatesAndTickersComeBackEqual() {
        OrderBookUpdate update = new OrderBookUpdate(PAIR, OrderBookUpdate.Kind.DELTA, OrderBookUpdate.Mode.ABSOLUTE,
                List.of(PriceLevel.of("64999.5", "0")), List.of(PriceLevel.of("65001", "1.25")), 42, 41, T);
        Ticker ticker = new Ticker(PAIR, new BigDecimal("65000"), null, new BigDecimal("65001"), null, null, null,
                new BigDecimal("12.5"), null, new BigDecimal("-0.3"), T);

        assertThat(EnvelopeCodec.decode(EnvelopeCodec.encode(MarketEnvelope.book("alp", update, R, "c1"))).payload())
                .isEqualTo(update);
        MarketEnvelope back = EnvelopeCodec.decode(EnvelopeCodec.encode(MarketEnvelope.ticker("alp", ticker, R, "c1")));
        assertThat(back.payload()).isEqualTo(ticker);
        assertThat(back.sequence()).isEqualTo(Long.toString(T.toEpochMilli()));
    }

    @Test
    void anotherVersionOrAMissingFieldIsAProtocolException() {
        String v2 = "{\"v\":2,\"venue\":\"alp\",\"pair\":\"BTC_USDT\",\"kind\":\"trade\",\"seq\":\"1\",\"payload\":{}}";
        String noSeq = "{\"v\":1,\"venue\":\"alp\",\"pair\":\"BTC_USDT\",\"kind\":\"trade\",\"exchangeTime\":\"" + T
                + "\",\"receiveTime\":\"" + R + "\",\"source\":\"c\",\"payload\":{\"id\":\"1\",\"price\":\"1\",\"amount\":\"1\"}}";

        assertThatThrownBy(() -> EnvelopeCodec.decode(v2.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("version 2");
        assertThatThrownBy(() -> EnvelopeCodec.decode(noSeq.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("'seq'");
        assertThatThrownBy(() -> EnvelopeCodec.decode("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ProtocolException.class);
    }
}
