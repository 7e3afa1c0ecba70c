package io.exflux.reactive.venue.btse;

import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.api.config.Credentials;
import io.exflux.api.error.InsufficientFundsException;
import io.exflux.api.error.InvalidRequestException;
import io.exflux.api.error.NotFoundException;
import io.exflux.api.model.Balance;
import io.exflux.api.model.ConversionRequest;
import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.Fill;
import io.exflux.api.model.Order;
import io.exflux.api.model.OrderAmendment;
import io.exflux.api.model.OrderRequest;
import io.exflux.api.model.OrderStatus;
import io.exflux.api.model.Side;
import io.exflux.api.model.TransferRequest;
import io.exflux.api.model.WithdrawalRequest;
import io.exflux.reactive.venue.btse.model.BtseOrderResult;
import io.exflux.testkit.btse.BtseSimulator;
import io.exflux.testkit.btse.BtseSimulatorOptions;
import io.exflux.testkit.sim.ApiKeys;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.Disposable;
import reactor.test.StepVerifier;

/**
 * The BTSE connector against the embedded BTSE simulator (REST under {@code /spot}, both websocket hosts on
 * loopback): what a user of {@link BtseExchangeClient} sees when trading, amending, cancelling by client id
 * and by market, arming the dead-man switch, moving funds, and meeting the venue's refusals.
 */
class BtseEndToEndTest {

    static final CurrencyPair BTC_USD = CurrencyPair.of("BTC", "USD");
    static final Duration WAIT = Duration.ofSeconds(20);

    private BtseSimulator sim;
    private final List<BtseExchangeClient> clients = new ArrayList<>();
    private final List<Disposable> subscriptions = new ArrayList<>();

    @RegisterExtension
    static final ClassResources resources = new ClassResources();


    @BeforeEach
    void start() {
        sim = BtseSimulator.start(BtseSimulatorOptions.builder().generatorEnabled(false).unthrottled().build());
    }

    @AfterEach
    void stop() {
        subscriptions.forEach(Disposable::dispose);
        clients.forEach(c -> c.closeGracefully().block(WAIT));
        sim.close();
    }

    private BtseExchangeClient client(ApiKeys.ApiKey account) {
        BtseExchangeClient client = BtseExchangeClient.create(BtseEndToEnd.options(sim, resources.get())
                .credentials(Credentials.of(account.key(), account.secret())).build());
        clients.add(client);
        return client;
    }

    @Test
    void placeAmendAndCancelByClientIdAndByMarket() {
        ApiKeys.ApiKey maker = sim.createAccount(Map.of("BTC", new BigDecimal("2"), "USD", new BigDecimal("100000")));
        BtseExchangeClient client = client(maker);

        Order placed = client.placeOrder(OrderRequest.limit(BTC_USD, Side.SELL, new BigDecimal("0.5"),
                new BigDecimal("70000")).withClientOrderId("e2e-1")).block(WAIT);
        assertThat(placed.status()).isEqualTo(OrderStatus.OPEN);
        assertThat(placed.clientOrderId()).isEqualTo("e2e-1");
        assertThat(sim.book("BTC-USD", 5).bestAsk()).hasValueSatisfying(l -> assertThat(l.price()).isEqualByComparingTo("70000"));

        Order amended = client.editOrder(OrderAmendment.price(BTC_USD, placed.id(), new BigDecimal("71000"))).block(WAIT);
        assertThat(amended.id()).as("the same order").isEqualTo(placed.id());
        assertThat(amended.price()).isEqualByComparingTo("71000");
        assertThat(sim.book("BTC-USD", 5).asks()).singleElement()
                .satisfies(l -> assertThat(l.price()).isEqualByComparingTo("71000"));

        List<BtseOrderResult> byClientId = client.rest().cancelOrder("BTC-USD", null, "e2e-1").block(WAIT);
        assertThat(byClientId).singleElement().satisfies(r -> assertThat(r.orderID()).isEqualTo(placed.id()));
        assertThat(sim.book("BTC-USD", 5).asks()).isEmpty();

        client.placeOrder(OrderRequest.limit(BTC_USD, Side.BUY, new BigDecimal("0.1"), new BigDecimal("60000"))).block(WAIT);
        client.placeOrder(OrderRequest.limit(BTC_USD, Side.BUY, new BigDecimal("0.1"), new BigDecimal("61000"))).block(WAIT);
        assertThat(client.openOrders(BTC_USD).collectList().block(WAIT)).hasSize(2);
        client.cancelAllOrders(BTC_USD).block(WAIT);
        assertThat(client.openOrders(BTC_USD).collectList().block(WAIT)).isEmpty();
        assertThat(sim.book("BTC-USD", 5).bids()).isEmpty();
        assertThat(sim.balance(maker, "USD").block(WAIT)).as("nothing reserved, nothing spent").isEqualByComparingTo("100000");
    }

    @Test
    void ordersAndFillsArriveOnTheirStreams() {
        ApiKeys.ApiKey maker = sim.createAccount(Map.of("BTC", new BigDecimal("1")));
        ApiKeys.ApiKey taker = sim.createAccount(Map.of("USD", new BigDecimal("100000")));
        BtseExchangeClient makerClient = client(maker);
        List<Order> orders = new CopyOnWriteArrayList<>();
        List<Fill> fills = new CopyOnWriteArrayList<>();
        subscriptions.add(makerClient.watchOrders().subscribe(orders::add));
        subscriptions.add(makerClient.watchFills().subscribe(fills::add));
        // live once an order placed now shows up on the stream
        await(() -> {
            Order probe = makerClient.placeOrder(OrderRequest.limit(BTC_USD, Side.SELL, new BigDecimal("0.001"),
                    new BigDecimal("99000"))).block(WAIT);
            makerClient.cancelOrder(probe.id(), BTC_USD).block(WAIT);
            long end = System.nanoTime() + 300_000_000L;
            while (System.nanoTime() < end && orders.stream().noneMatch(o -> o.id().equals(probe.id()))) {
                Thread.sleep(10);
            }
            return orders.stream().anyMatch(o -> o.id().equals(probe.id()));
        });

        Order placed = makerClient.placeOrder(OrderRequest.limit(BTC_USD, Side.SELL, new BigDecimal("0.5"),
                new BigDecimal("70000")).withClientOrderId("watched")).block(WAIT);
        Order amended = makerClient.editOrder(OrderAmendment.amount(BTC_USD, placed.id(), new BigDecimal("0.4"))).block(WAIT);
        assertThat(amended.id()).isEqualTo(placed.id());
        client(taker).placeOrder(OrderRequest.limit(BTC_USD, Side.BUY, new BigDecimal("0.4"), new BigDecimal("70000"))).block(WAIT);

        await(() -> orders.stream().anyMatch(o -> o.id().equals(placed.id()) && o.status() == OrderStatus.FILLED));
        assertThat(orders).filteredOn(o -> o.id().equals(placed.id())).extracting(Order::status)
                .as("seen open, then filled; the amend's cancel and replace never shows").contains(OrderStatus.OPEN)
                .doesNotContain(OrderStatus.CANCELED).last().isEqualTo(OrderStatus.FILLED);
        await(() -> fills.stream().anyMatch(f -> f.orderId().equals(placed.id())));
        assertThat(fills).filteredOn(f -> f.orderId().equals(placed.id())).singleElement()
                .satisfies(f -> {
                    assertThat(f.amount()).isEqualByComparingTo("0.4");
                    assertThat(f.price()).isEqualByComparingTo("70000");
                });
        assertThat(sim.balance(maker, "USD").block(WAIT)).isEqualByComparingTo("28000");
    }

    @Test
    void cancelAllAfterFiresOnTheVenue() {
        ApiKeys.ApiKey maker = sim.createAccount(Map.of("USD", new BigDecimal("100000")));
        BtseExchangeClient client = client(maker);
        client.placeOrder(OrderRequest.limit(BTC_USD, Side.BUY, new BigDecimal("0.1"), new BigDecimal("60000"))).block(WAIT);
        client.cancelAllAfter(Duration.ofMillis(300)).block(WAIT);
        assertThat(sim.cancelAllAfterDeadline(maker)).isPresent();
        await(() -> sim.book("BTC-USD", 5).bids().isEmpty());
        assertThat(client.openOrders(BTC_USD).collectList().block(WAIT)).isEmpty();
        assertThat(sim.cancelAllAfterDeadline(maker)).as("fired once").isEmpty();
    }

    @Test
    void aWithdrawalATransferAndAConversionMoveBalancesExactly() {
        ApiKeys.ApiKey me = sim.createAccount(Map.of("BTC", new BigDecimal("1")));
        ApiKeys.ApiKey friend = sim.createAccount("friend", "friend@example.com", Map.of());
        BtseExchangeClient client = client(me);

        client.withdraw(WithdrawalRequest.of("BTC", "Bitcoin", new BigDecimal("0.1"), "bc1qsimulated")).block(WAIT);
        assertThat(sim.balance(me, "BTC").block(WAIT)).as("0.1 with its fee inside").isEqualByComparingTo("0.9");
        client.transfer(new TransferRequest("BTC", new BigDecimal("0.2"), "friend", "friend@example.com")).block(WAIT);
        assertThat(sim.balance(me, "BTC").block(WAIT)).isEqualByComparingTo("0.7");
        assertThat(sim.balance(friend, "BTC").block(WAIT)).isEqualByComparingTo("0.2");
        client.convert(new ConversionRequest("BTC", "USD", new BigDecimal("0.5"))).block(WAIT);
        assertThat(sim.balance(me, "BTC").block(WAIT)).isEqualByComparingTo("0.2");
        assertThat(sim.balance(me, "USD").block(WAIT)).isEqualByComparingTo("32500");
        List<Balance> seen = client.balances().collectList().block(WAIT);
        assertThat(seen).filteredOn(b -> b.currency().equals("USD")).singleElement()
                .satisfies(b -> assertThat(b.total()).isEqualByComparingTo("32500"));
    }

    @Test
    void aNineDecimalWithdrawalNeverLeaves() {
        ApiKeys.ApiKey me = sim.createAccount(Map.of("BTC", new BigDecimal("1")));
        BtseExchangeClient client = client(me);
        StepVerifier.create(client.withdraw(WithdrawalRequest.of("BTC", "Bitcoin", new BigDecimal("0.123456789"), "bc1q")))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(InvalidRequestException.class).hasMessageContaining("8"))
                .verify(WAIT);
        assertThat(sim.server().requests()).noneMatch(r -> r.path().endsWith("/user/wallet/withdraw"));
        assertThat(sim.balance(me, "BTC").block(WAIT)).isEqualByComparingTo("1");
    }

    @Test
    void orderStatusCodesOfFailureArriveAsTypedErrors() {
        ApiKeys.ApiKey poor = sim.createAccount(Map.of("USD", new BigDecimal("100")));
        ApiKeys.ApiKey seller = sim.createAccount(Map.of("BTC", new BigDecimal("1")));
        BtseExchangeClient client = client(poor);
        StepVerifier.create(client.placeOrder(OrderRequest.limit(BTC_USD, Side.BUY, new BigDecimal("1"), new BigDecimal("60000"))))
                .expectError(InsufficientFundsException.class).verify(WAIT);
        client(seller).placeOrder(OrderRequest.limit(BTC_USD, Side.SELL, new BigDecimal("0.001"), new BigDecimal("65000"))).block(WAIT);
        StepVerifier.create(client.placeOrder(OrderRequest.limit(BTC_USD, Side.BUY, new BigDecimal("0.001"), new BigDecimal("65000"))
                        .withPostOnly(true)))
                .expectError(InvalidRequestException.class).verify(WAIT);
        StepVerifier.create(client.cancelOrder("11111111-2222-4333-8444-555555555555", BTC_USD))
                .expectError(NotFoundException.class).verify(WAIT);
    }

    /** A condition that may wait itself (and so throw InterruptedException). */
    @FunctionalInterface
    interface Condition {
        boolean holds() throws InterruptedException;
    }

    static void await(Condition condition) {
        long end = System.nanoTime() + WAIT.toNanos();
        while (!holds(condition)) {
            assertThat(System.nanoTime()).as("condition never held").isLessThan(end);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static boolean holds(Condition condition) {
        try {
            return condition.holds();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
