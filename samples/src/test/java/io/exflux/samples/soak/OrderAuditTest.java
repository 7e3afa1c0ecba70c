package io.exflux.samples.soak;

import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.api.Capabilities;
import io.exflux.api.ExchangeClient;
import io.exflux.api.error.ErrorContext;
import io.exflux.api.error.ExchangeUnavailableException;
import io.exflux.api.error.OrderOutcomeUnknownException;
import io.exflux.api.model.CancelResult;
import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.Order;
import io.exflux.api.model.OrderRequest;
import io.exflux.api.model.OrderStatus;
import io.exflux.api.model.OrderType;
import io.exflux.api.model.Side;
import io.exflux.api.model.TimeInForce;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * The placement audit against a client that answers with an order, an unknown outcome and a plain failure, in
 * virtual time: a plain failure for an order the venue holds is the failure the soak exists to find.
 */
class OrderAuditTest {

    private static final CurrencyPair BTC_USDT = CurrencyPair.of("BTC", "USDT");

    private final Queue<Mono<Order>> answers = new ArrayDeque<>();
    private final List<String> cancelled = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Test
    void countsEachAnswerAndFindsThePlainFailureTheVenueHolds() {
        VirtualTimeScheduler time = VirtualTimeScheduler.create();
        answers.add(Mono.just(order("1", OrderStatus.OPEN)));
        answers.add(Mono.error(() -> new OrderOutcomeUnknownException("timed out", ErrorContext.local("alp"), null,
                null, "a limit buy", "soak1")));
        answers.add(Mono.error(() -> new ExchangeUnavailableException("connection reset")));
        OrderAudit audit = new OrderAudit(client(), OrderAuditTest::restingBuy);

        Disposable run = audit.start(List.of(BTC_USDT), Duration.ofSeconds(1), Duration.ofSeconds(2), time);
        time.advanceTimeBy(Duration.ofSeconds(3)); // placements at 1, 2 and 3 s; the first is cancelled at 3 s
        run.dispose();
        audit.onOrder(order("1", OrderStatus.CANCELED));

        OrderAudit.Tally tally = audit.compare(List.of(
                new SoakVenue.HeldOrder("1", "soak0", OrderStatus.CANCELED),
                new SoakVenue.HeldOrder("2", "soak1", OrderStatus.OPEN),
                new SoakVenue.HeldOrder("3", "soak2", OrderStatus.CANCELED)));

        assertThat(cancelled).containsExactly("1");
        assertThat(tally).isEqualTo(new OrderAudit.Tally(3, 1, 1, 1, 1, 1, 1, 0, 2, 1,
                List.of("3 soak2 (failed): CANCELED, watchOrders never showed it")));
        assertThat(audit.inFlight()).isZero();
    }

    @Test
    void noPlacementWhilePaused() {
        VirtualTimeScheduler time = VirtualTimeScheduler.create();
        OrderAudit audit = new OrderAudit(client(), OrderAuditTest::restingBuy);
        audit.pause(true);

        Disposable run = audit.start(List.of(BTC_USDT), Duration.ofSeconds(1), Duration.ofSeconds(2), time);
        time.advanceTimeBy(Duration.ofSeconds(5));
        run.dispose();

        assertThat(audit.compare(List.of()).attempts()).isZero();
    }

    private ExchangeClient client() {
        return new ExchangeClient() {
            @Override
            public String venue() {
                return "fake";
            }

            @Override
            public Capabilities capabilities() {
                throw new UnsupportedOperationException();
            }

            @Override
            public Mono<Order> placeOrder(OrderRequest request) {
                return answers.remove();
            }

            @Override
            public Mono<CancelResult> cancelOrder(String orderId, CurrencyPair pair) {
                cancelled.add(orderId);
                return Mono.just(new CancelResult(orderId, true, null));
            }

            @Override
            public Mono<Void> closeGracefully() {
                return Mono.empty();
            }
        };
    }

    private static OrderRequest restingBuy(CurrencyPair pair, String clientOrderId) {
        return new OrderRequest.Limit(pair, Side.BUY, new BigDecimal("0.001"), new BigDecimal("50000"),
                TimeInForce.GTC, false, clientOrderId);
    }

    private static Order order(String id, OrderStatus status) {
        return new Order(id, null, BTC_USDT, Side.BUY, OrderType.LIMIT, status, status.name(), new BigDecimal("50000"),
                null, new BigDecimal("0.001"), BigDecimal.ZERO, null, null, TimeInForce.GTC, Instant.EPOCH,
                Instant.EPOCH);
    }
}
