package io.exflux.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.api.ExchangeClient;
import io.exflux.api.model.CurrencyPair;
import io.exflux.testkit.server.RecordedFrame;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeReactiveHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.context.ApplicationContext;
import reactor.core.Disposable;

/** Health as Actuator shows it, and what the venue sees when the application stops. */
class ExfluxHealthAndShutdownTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final CurrencyPair BTC_USDT = CurrencyPair.of("BTC", "USDT");

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ExfluxAutoConfiguration.class,
                    ExfluxHealthAutoConfiguration.class))
            .withBean(ReactorResourceFactory.class, QuickReactorResources::create)
            .withPropertyValues("exflux.venues.alp.max-attempts=1", "exflux.health-timeout=2s");

    @Test
    void healthIsUpWithALiveStreamAndDownOnceTheSimulatorStops() {
        runner.withPropertyValues("exflux.venues.alp.simulator=true").run(context -> {
            ExchangeClient alp = context.getBean(ExchangeClients.class).get("alp");
            // one live stream, so that the health shows a socket
            alp.watchTrades(BTC_USDT).blockFirst(PATIENCE);
            Disposable stream = alp.watchTrades(BTC_USDT).subscribe();
            try {
                Health up = health(context);
                assertThat(up.getStatus()).isEqualTo(Status.UP);
                assertThat(up.getDetails()).containsEntry("venue", "alp");
                assertThat((String) up.getDetails().get("rest")).startsWith("ok at ");
                assertThat(streams(up)).isNotEmpty().containsValue("up");

                context.getBean("alpSimulator", EmbeddedSimulator.class).close();

                Health down = healthOnceDown(context);
                assertThat(down.getStatus()).as(down.getDetails().toString()).isEqualTo(Status.DOWN);
                assertThat((String) down.getDetails().get("rest")).startsWith("failed: ");
                assertThat(streams(down)).doesNotContainValue("up");
            } finally {
                stream.dispose();
            }
        });
    }

    @Test
    void withoutVenuesThereIsNoHealthToShow() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ExfluxAutoConfiguration.class,
                        ExfluxHealthAutoConfiguration.class))
                .withBean(ReactorResourceFactory.class, QuickReactorResources::create)
                .run(context -> assertThat(context).hasSingleBean(ExchangeClients.class)
                        .doesNotHaveBean(CompositeReactiveHealthContributor.class));
    }

    @Test
    void healthIsOffWhenDisabled() {
        runner.withPropertyValues("management.health.exflux.enabled=false")
                .run(context -> assertThat(context).hasSingleBean(ExchangeClients.class)
                        .doesNotHaveBean(CompositeReactiveHealthContributor.class));
    }

    @Test
    void closingTheContextClosesEverySocketWithACloseFrame() {
        AtomicReference<EmbeddedSimulator> simulator = new AtomicReference<>();
        runner.withPropertyValues("exflux.venues.alp.simulator=true").run(context -> {
            simulator.set(context.getBean("alpSimulator", EmbeddedSimulator.class));
            ExchangeClient alp = context.getBean(ExchangeClients.class).get("alp");
            alp.watchTrades(BTC_USDT).subscribe();
            alp.watchTrades(BTC_USDT).blockFirst(PATIENCE);
            assertThat(simulator.get().simulatedVenue().server().sessions()).isNotEmpty();
        });
        List<RecordedFrame> closes = simulator.get().simulatedVenue().server().frames().stream()
                .filter(frame -> frame.kind() == RecordedFrame.Kind.CLOSE).toList();
        assertThat(closes).as("the venue saw a close frame, not a reset").isNotEmpty()
                .allSatisfy(frame -> assertThat(frame.text()).startsWith("1000"));
    }

    private static Health health(ApplicationContext context) {
        CompositeReactiveHealthContributor exflux = context.getBean("exfluxHealthContributor",
                CompositeReactiveHealthContributor.class);
        return ((ReactiveHealthIndicator) exflux.getContributor("alp")).health().block(PATIENCE);
    }

    /** The health once it is DOWN (the socket's loss reaches the indicator as an event), or the last one seen. */
    private static Health healthOnceDown(ApplicationContext context) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        Health health = health(context);
        while (health.getStatus() != Status.DOWN && System.nanoTime() < deadline) {
            Thread.sleep(50);
            health = health(context);
        }
        return health;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> streams(Health health) {
        return (Map<String, String>) health.getDetails().get("streams");
    }
}
