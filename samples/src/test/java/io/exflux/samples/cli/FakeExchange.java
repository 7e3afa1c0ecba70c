package io.exflux.samples.cli;

import io.exflux.api.Capabilities;
import io.exflux.api.Capability;
import io.exflux.api.ExchangeClient;
import io.exflux.api.error.ErrorContext;
import io.exflux.api.error.InvalidRequestException;
import io.exflux.api.error.NotFoundException;
import io.exflux.api.error.RateLimitedException;
import io.exflux.api.model.Balance;
import io.exflux.api.model.CancelResult;
import io.exflux.api.model.Candle;
import io.exflux.api.model.CandleInterval;
import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.Order;
import io.exflux.api.model.OrderBook;
import io.exflux.api.model.OrderRequest;
import io.exflux.api.model.OrderStatus;
import io.exflux.api.model.OrderType;
import io.exflux.api.model.PairInfo;
import io.exflux.api.model.PriceLevel;
import io.exflux.api.model.Side;
import io.exflux.api.model.Ticker;
import io.exflux.api.model.Trade;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A scripted in-memory venue for the CLI tests while no simulator is wired: a BTC/USDT book moving
 * every 20 ms, a trade every 15 ms, an account, and a switch that makes every REST call rate limited.
 */
final class FakeExchange implements ExchangeClient {

    static final CurrencyPair BTC_USDT = CurrencyPair.of("BTC", "USDT");

    final AtomicBoolean rateLimited = new AtomicBoolean();
    final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, Order> orders = new ConcurrentHashMap<>();

    @Override
    public String venue() {
        return "alp";
    }

    @Override
    public Capabilities capabilities() {
        return new Capabilities(EnumSet.allOf(Capability.class));
    }

    @Override
    public Mono<Void> closeGracefully() {
        return Mono.fromRunnable(() -> closed.set(true));
    }

    private <T> Mono<T> rest(Mono<T> call) {
        return Mono.defer(() -> rateLimited.get()
                ? Mono.error(new RateLimitedException("too many requests",
                        new ErrorContext("alp", 429, null, "{\"code\":\"TOO_MANY_REQUESTS\"}"), Duration.ofSeconds(1)))
                : call);
    }

    private Mono<CurrencyPair> known(CurrencyPair pair) {
        return BTC_USDT.equals(pair) ? Mono.just(pair)
                : Mono.error(new NotFoundException("alp has no market " + pair));
    }

    @Override
    public Flux<PairInfo> pairs() {
        return rest(Mono.just(new PairInfo(BTC_USDT, "BTC_USDT", 2, 6, new BigDecimal("0.0001"), null,
                new BigDecimal("5")))).flux();
    }

    @Override
    public Mono<Ticker> ticker(CurrencyPair pair) {
        return rest(known(pair).map(p -> ticker(p, Instant.now())));
    }

    @Override
    public Flux<Ticker> tickers() {
        return rest(Mono.just(ticker(BTC_USDT, Instant.now()))).flux();
    }

    private static Ticker ticker(CurrencyPair pair, Instant at) {
        return new Ticker(pair, new BigDecimal("50000.00"), new BigDecimal("49999.50"), new BigDecimal("50000.50"),
                new BigDecimal("51000.00"), new BigDecimal("49000.00"), new BigDecimal("49500.00"),
                new BigDecimal("12.5"), new BigDecimal("625000"), new BigDecimal("0.0101"), at);
    }

    @Override
    public Flux<Trade> trades(CurrencyPair pair, int limit) {
        return rest(known(pair)).flatMapMany(p -> Flux.range(0, limit).map(i -> trade(i, Instant.now())));
    }

    @Override
    public Flux<Candle> candles(CurrencyPair pair, CandleInterval interval, Instant from, Instant to) {
        return rest(known(pair)).flatMapMany(p -> Flux.<Candle, Instant>generate(() -> from, (open, sink) -> {
            if (!open.isBefore(to)) {
                sink.complete();
                return open;
            }
            BigDecimal base = new BigDecimal("50000.00");
            sink.next(new Candle(p, interval, open, base, base.add(BigDecimal.TEN), base.subtract(BigDecimal.ONE),
                    base.add(BigDecimal.ONE), new BigDecimal("1.5"), new BigDecimal("75000")));
            return open.plus(interval.duration());
        }));
    }

    @Override
    public Flux<Balance> balances() {
        return rest(Mono.just(List.of(new Balance("USDT", "SPOT", new BigDecimal("100000"), BigDecimal.ZERO, null),
                new Balance("BTC", "SPOT", new BigDecimal("2"), new BigDecimal("0.5"), null)))).flatMapIterable(l -> l);
    }

    @Override
    public Mono<Order> placeOrder(OrderRequest request) {
        if (!(request instanceof OrderRequest.Limit limit)) {
            return Mono.error(new InvalidRequestException("only limit orders in the fake"));
        }
        return rest(known(request.pair())).map(p -> {
            String id = String.valueOf(1000 + orders.size());
            Order order = new Order(id, limit.clientOrderId(), p, limit.side(), OrderType.LIMIT, OrderStatus.OPEN, "OPEN",
                    limit.price(), null, limit.amount(), BigDecimal.ZERO, null, null, limit.timeInForce(), Instant.now(), null);
            orders.put(id, order);
            return order;
        });
    }

    @Override
    public Flux<Order> openOrders(CurrencyPair pair) {
        return rest(Mono.just(List.copyOf(orders.values()))).flatMapIterable(l -> l);
    }

    @Override
    public Mono<CancelResult> cancelOrder(String orderId, CurrencyPair pair) {
        return rest(Mono.fromSupplier(() -> orders.remove(orderId) != null
                ? new CancelResult(orderId, true, null) : new CancelResult(orderId, false, "order not found")));
    }

    @Override
    public Flux<OrderBook> watchOrderBook(CurrencyPair pair, int depth) {
        return known(pair).flatMapMany(p -> Flux.interval(Duration.ofMillis(20)).map(tick -> book(p, tick, depth)));
    }

    @Override
    public Flux<Trade> watchTrades(CurrencyPair pair) {
        return known(pair).flatMapMany(p -> Flux.interval(Duration.ofMillis(15)).map(tick -> trade(tick, Instant.now())));
    }

    @Override
    public Flux<Ticker> watchTicker(CurrencyPair pair) {
        return known(pair).flatMapMany(p -> Flux.interval(Duration.ofMillis(50)).map(tick -> ticker(p, Instant.now())));
    }

    private OrderBook book(CurrencyPair pair, long tick, int depth) {
        BigDecimal mid = new BigDecimal("50000.00").add(BigDecimal.valueOf(tick % 7));
        List<PriceLevel> bids = new ArrayList<>();
        List<PriceLevel> asks = new ArrayList<>();
        for (int i = 0; i < depth; i++) {
            bids.add(new PriceLevel(mid.subtract(BigDecimal.valueOf(i + 1)), new BigDecimal("0.5").add(BigDecimal.valueOf(i))));
            asks.add(new PriceLevel(mid.add(BigDecimal.valueOf(i + 1)), new BigDecimal("0.25").add(BigDecimal.valueOf(i))));
        }
        return new OrderBook(pair, bids, asks, Instant.now(), sequence.incrementAndGet());
    }

    private static Trade trade(long n, Instant at) {
        return new Trade(BTC_USDT, "t" + n, new BigDecimal("50000.00").add(BigDecimal.valueOf(n % 5)),
                new BigDecimal("0.01"), n % 2 == 0 ? Side.BUY : Side.SELL, at);
    }
}
