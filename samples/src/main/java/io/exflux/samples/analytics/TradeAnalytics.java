package io.exflux.samples.analytics;

import io.exflux.api.StreamingClient;
import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.Trade;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import reactor.core.publisher.Flux;

/**
 * A Reactor analytics pipeline over a live trade stream: a running VWAP and OHLCV bars (one minute by
 * default). Operators only, no state outside them: {@code scan} for the VWAP, {@code windowUntilChanged}
 * plus {@code reduce} for the bars, so a bar's trades are folded as they arrive, never buffered.
 *
 * <p>A bar is emitted when the first trade of a later interval arrives (or the stream completes): a bar
 * is final only when the market has moved on. Trades are expected in time order, as a venue's stream
 * sends them; an interval without trades has no bar.
 */
public final class TradeAnalytics {

    /** The default bar width. */
    public static final Duration ONE_MINUTE = Duration.ofMinutes(1);

    private TradeAnalytics() {
    }

    /** One-minute bars of {@code pair} from the client's live trades. */
    public static Flux<Bar> minuteBars(StreamingClient client, CurrencyPair pair) {
        return bars(client.watchTrades(pair), ONE_MINUTE);
    }

    /** The running VWAP of {@code pair} from the client's live trades, one value per trade. */
    public static Flux<Vwap> vwap(StreamingClient client, CurrencyPair pair) {
        return vwap(client.watchTrades(pair));
    }

    /** Bars of {@code width} over {@code trades}. */
    public static Flux<Bar> bars(Flux<Trade> trades, Duration width) {
        if (width.isZero() || width.isNegative()) {
            return Flux.error(new IllegalArgumentException("bar width must be positive: " + width));
        }
        return trades
                .windowUntilChanged(trade -> bucket(trade.timestamp(), width))
                .concatMap(window -> window
                        .reduce(BarBuilder.empty(width), BarBuilder::add)
                        .filter(bar -> !bar.isEmpty())
                        .map(BarBuilder::build));
    }

    /** The running VWAP over {@code trades}: one value per trade. */
    public static Flux<Vwap> vwap(Flux<Trade> trades) {
        return trades.scan(new Vwap(null, null, BigDecimal.ZERO, BigDecimal.ZERO, 0), (sum, trade) -> {
            BigDecimal volume = sum.volume().add(trade.amount());
            BigDecimal quote = sum.quoteVolume().add(trade.price().multiply(trade.amount()));
            return new Vwap(trade.timestamp(), quote.divide(volume, BarBuilder.VWAP_PRECISION), volume, quote,
                    sum.trades() + 1);
        }).skip(1);
    }

    /** The start of the interval of {@code width} holding {@code time} (intervals aligned to the epoch). */
    static Instant bucket(Instant time, Duration width) {
        long widthMillis = width.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(time.toEpochMilli(), widthMillis) * widthMillis);
    }
}
