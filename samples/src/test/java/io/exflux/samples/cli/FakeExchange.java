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
 * A scripted in-memory venue with exactly known answers: one market, generated candles, an order store,
 * and a switch that makes every REST call rate limited.
 */
final class FakeExchange implements ExchangeClient {

    static final CurrencyPair BTC_USDT = CurrencyPair.of("BTC", "USDT");

    final AtomicBoolean rateLimited = new AtomicBoolean();
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
        return Mono.empty();
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
    public Mono<Order> order(String orderId, CurrencyPair pair) {
        return rest(Mono.justOrEmpty(orders.get(orderId))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("no order " + orderId))));
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
}
