package io.exflux.reactive.venue.alp;

import io.exflux.reactive.config.Backoff;

import static io.exflux.reactive.venue.alp.Await.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.api.config.Credentials;
import io.exflux.api.error.AuthenticationException;
import io.exflux.api.error.InvalidRequestException;
import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.Trade;
import io.exflux.reactive.config.StreamOptions;
import io.exflux.reactive.venue.alp.model.AlpAck;
import io.exflux.reactive.venue.alp.model.AlpMessage;
import io.exflux.reactive.venue.alp.model.AlpWsTrade;
import io.exflux.testkit.alp.AlpAccount;
import io.exflux.testkit.alp.AlpSimulator;
import io.exflux.testkit.alp.AlpSimulatorOptions;
import io.exflux.testkit.server.FakeResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * What a user of {@link AlpExchangeClient} sees of the stream engine's fan-out and of ALP's answers,
 * against the embedded simulator (its generator trades BTC_USDT every few hundred milliseconds): a pair's
 * trades reach both the wildcard and the pair's subscribers of one socket, a refused topic or a refused
 * token fails its subscribers with a typed error instead of leaving them waiting.
 */
class AlpStreamAnswersEndToEndTest {

    private static final CurrencyPair BTC_USDT = CurrencyPair.of("BTC", "USDT");
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private AlpSimulator sim;
    private final List<AlpExchangeClient> clients = new ArrayList<>();
    private final List<Disposable> subscriptions = new ArrayList<>();

    @BeforeEach
    void start() {
        sim = AlpSimulator.start();
    }

    @AfterEach
    void stop() {
        subscriptions.forEach(Disposable::dispose);
        clients.forEach(c -> c.closeGracefully().block(Duration.ofSeconds(5)));
        sim.close();
    }

    private AlpExchangeClient client(Credentials credentials) {
        AlpOptions.Builder options = AlpOptions.builder().restUrl(sim.restBaseUrl()).wsUrl(sim.websocketUrl())
                .rateLimit(AlpOptions.PUBLIC_SCOPE, null).rateLimit(AlpOptions.PRIVATE_SCOPE, null)
                .streamOptions(StreamOptions.builder().unsubscribeGrace(Duration.ofMillis(50))
                        .backoff(Backoff.fullJitter(Duration.ofMillis(10), Duration.ofMillis(50))).build());
        if (credentials != null) {
            options.credentials(credentials);
        }
        AlpExchangeClient client = AlpExchangeClient.create(options.build());
        clients.add(client);
        return client;
    }

    private <T> List<T> collect(Flux<T> flux, AtomicReference<Throwable> error) {
        List<T> out = new CopyOnWriteArrayList<>();
        subscriptions.add(flux.subscribe(out::add, error::set));
        return out;
    }

    @Test
    void theWildcardSubscriberAndThePairsSubscriberOfOneSocketBothReceiveEveryTradeOfThePair() {
        AlpExchangeClient client = client(null);
        AtomicReference<Throwable> error = new AtomicReference<>();
        List<AlpMessage> control = collect(client.stream().controlMessages(), error);
        List<AlpWsTrade> everyMarket = collect(client.stream().trades(), error);
        List<Trade> btc = collect(client.watchTrades(BTC_USDT), error);
        await().until(() -> acked(control, "trade.*") && acked(control, "trade.BTC_USDT"));
        int from = sim.trades("BTC_USDT").size();

        await().until(() -> sim.trades("BTC_USDT").size() >= from + 5);
        Set<String> window = sim.trades("BTC_USDT").subList(from, from + 5).stream()
                .map(trade -> Long.toString(trade.id())).collect(Collectors.toSet());
        await().until(() -> ids(btc).containsAll(window) && wildcardIds(everyMarket).containsAll(window));

        assertThat(ids(btc)).as("no trade twice").doesNotHaveDuplicates();
        assertThat(everyMarket.stream().filter(t -> t.pair().equals("BTC_USDT")).map(AlpWsTrade::tradeId).toList())
                .as("no trade twice on the wildcard either").doesNotHaveDuplicates();
        assertThat(error.get()).isNull();
    }

    @Test
    void aTopicTheSimulatorRefusesWithTheDocumentedFrameFailsItsSubscriber_andWatchTickerOnAnUnknownPairFails() {
        refusedTopicsFailTheirSubscribers("ALP refused topic diff.NOPE_USDT: Topic does not exist");
    }

    @Test
    void aTopicRefusedWithTheLiveVenuesNamedErrorFrameFailsItsSubscriberToo() {
        sim.close();
        sim = AlpSimulator.start(AlpSimulatorOptions.builder().liveErrorFrames(true).build());
        refusedTopicsFailTheirSubscribers("ALP refused topic diff.NOPE_USDT: Invalid topic: diff.NOPE_USDT");
    }

    private void refusedTopicsFailTheirSubscribers(String diffRefusal) {
        AlpExchangeClient client = client(null);
        AtomicReference<Throwable> error = new AtomicReference<>();
        List<Trade> btc = collect(client.watchTrades(BTC_USDT), error);

        StepVerifier.create(client.stream().diff("NOPE_USDT"))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(InvalidRequestException.class)
                        .hasMessage(diffRefusal))
                .verify(PATIENCE);
        StepVerifier.create(client.watchTicker(CurrencyPair.of("NOPE", "USDT")))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(InvalidRequestException.class)
                        .hasMessageContaining("ticker.NOPE_USDT"))
                .verify(PATIENCE);

        await().until(() -> btc.size() >= 2);
        assertThat(error.get()).as("the other subscriber of the socket goes on").isNull();
    }

    @Test
    void aWrongSecretFailsWatchOrdersWithAnAuthenticationError() {
        AlpAccount account = sim.createAccount();
        AlpExchangeClient client = client(new AlpAccount(account.id(), account.apiKey(), "not-the-secret").credentials());

        StepVerifier.create(client.watchOrders())
                .expectError(AuthenticationException.class)
                .verify(PATIENCE);
    }

    @Test
    void aTokenTheWebsocketRefusesFailsWatchOrdersAndWatchBalancesWithAnAuthenticationError() {
        AlpExchangeClient client = client(sim.createAccount().credentials());
        // the next POST /auth hands out a well-formed JWT the simulator did not sign: ["error",ts,"Invalid token","auth"]
        sim.faults().answerNext(1, FakeResponse.ok("\"" + AlpTestJwt.withExp(4_000_000_000L, "1") + "\""));

        StepVerifier.create(Flux.merge(client.watchOrders(), client.watchBalances()))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(AuthenticationException.class)
                        .hasMessageContaining("Invalid token"))
                .verify(PATIENCE);
    }

    private static boolean acked(List<AlpMessage> control, String topic) {
        return control.stream().anyMatch(m -> m instanceof AlpAck ack && ack.topics().contains(topic));
    }

    private static List<String> ids(List<Trade> trades) {
        return trades.stream().map(Trade::id).toList();
    }

    private static Set<String> wildcardIds(List<AlpWsTrade> trades) {
        return trades.stream().filter(t -> t.pair().equals("BTC_USDT")).map(t -> Long.toString(t.tradeId()))
                .collect(Collectors.toSet());
    }
}
