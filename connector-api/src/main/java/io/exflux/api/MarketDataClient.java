package io.exflux.api;

import io.exflux.api.model.Candle;
import io.exflux.api.model.CandleInterval;
import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.ExchangeRate;
import io.exflux.api.model.OrderBook;
import io.exflux.api.model.PairInfo;
import io.exflux.api.model.Ticker;
import io.exflux.api.model.Trade;
import java.time.Instant;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Public market data over REST. Every method is cold: nothing is sent until subscription, and each
 * subscription sends its own request (through the venue's rate limiter and the retry policy, which
 * retries these idempotent calls on transient failures). Errors arrive as {@code ExchangeException}
 * subclasses: {@code InvalidRequestException} for bad arguments (before anything is sent),
 * {@code NotFoundException}, {@code RateLimitedException}, {@code ExchangeUnavailableException},
 * {@code RequestTimeoutException}, {@code ProtocolException}, {@code UnsupportedCapabilityException}.
 */
public interface MarketDataClient extends Venue {

    /** The venue's clock. One element. */
    default Mono<Instant> serverTime() {
        return Unsupported.mono(this, Capability.SERVER_TIME);
    }

    /** Every market with its precision and size limits. A finite {@code Flux}; honours backpressure. */
    default Flux<PairInfo> pairs() {
        return Unsupported.flux(this, Capability.PAIRS);
    }

    /**
     * One market's limits; {@code NotFoundException} when the venue has no such market,
     * {@code InvalidRequestException} when {@code pair} is {@code null}.
     */
    default Mono<PairInfo> pair(CurrencyPair pair) {
        if (pair == null) {
            return Mono.error(() -> new io.exflux.api.error.InvalidRequestException("pair is required"));
        }
        return pairs().filter(p -> p.pair().equals(pair)).next()
                .switchIfEmpty(Mono.error(() -> new io.exflux.api.error.NotFoundException(
                        venue() + " has no market " + pair)));
    }

    /** One market's summary. */
    default Mono<Ticker> ticker(CurrencyPair pair) {
        return Unsupported.mono(this, Capability.TICKER);
    }

    /** Every market's summary. A finite {@code Flux}. */
    default Flux<Ticker> tickers() {
        return Unsupported.flux(this, Capability.TICKERS);
    }

    /** The book, at most {@code depth} levels a side (the venue may send fewer). */
    default Mono<OrderBook> orderBook(CurrencyPair pair, int depth) {
        return Unsupported.mono(this, Capability.ORDER_BOOK);
    }

    /** The most recent public trades, newest last, at most {@code limit}. A finite {@code Flux}. */
    default Flux<Trade> trades(CurrencyPair pair, int limit) {
        return Unsupported.flux(this, Capability.TRADES);
    }

    /**
     * Candles whose open time lies in {@code [from, to)}, oldest first. Pages through the venue's
     * per-request limit as the subscriber requests more, so a long range costs one request a page.
     */
    default Flux<Candle> candles(CurrencyPair pair, CandleInterval interval, Instant from, Instant to) {
        return Unsupported.flux(this, Capability.CANDLES);
    }

    /**
     * {@code fetchCurrencyNetworks}: the names of the networks {@code currency} can move on (for example
     * {@code Bitcoin}, {@code Liquid}), as the venue spells them for {@link AccountClient#withdraw} and deposit
     * addresses. A finite {@code Flux}.
     */
    default Flux<String> fetchCurrencyNetworks(String currency) {
        return Unsupported.flux(this, Capability.FETCH_CURRENCY_NETWORKS);
    }

    /** {@code fetchExchangeRate}: how much of {@code to} one unit of {@code from} is worth. One element. */
    default Mono<ExchangeRate> fetchExchangeRate(String from, String to) {
        return Unsupported.mono(this, Capability.FETCH_EXCHANGE_RATE);
    }
}
