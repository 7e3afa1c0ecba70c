package io.exflux.testkit.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.testkit.alp.AlpSimulator;
import io.exflux.testkit.alp.AlpSimulatorOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Signal;
import reactor.netty.http.client.HttpClient;
import reactor.test.StepVerifier;

/** A reactor-netty websocket client through the proxy to the ALP simulator. */
@ExtendWith(FailOnLeaks.class)
class ChaosProxyWebsocketTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void framesFlowThroughTheProxyAndACutClosesTheWebsocket() {
        try (AlpSimulator alp = AlpSimulator.start(AlpSimulatorOptions.builder().generatorEnabled(false).build());
             ChaosProxy proxy = ChaosProxy.to("127.0.0.1", alp.port()).start()) {
            List<String> frames = new CopyOnWriteArrayList<>();
            Mono<Signal<Void>> session = HttpClient.create()
                    .websocket()
                    .uri(proxy.url(alp.websocketUrl()))
                    .handle((in, out) -> out.sendString(Mono.just("[\"subscribe\",\"trade.*\"]"))
                            .then()
                            .and(in.receive().asString().doOnNext(frames::add)))
                    .then()
                    .materialize();

            StepVerifier.create(session)
                    .then(() -> awaitFrame(frames, "[\"subscribe\""))
                    .then(() -> proxy.apply(ChaosFault.cut()))
                    .assertNext(end -> assertThat(end.isOnComplete() || end.isOnError())
                            .as("the session ends: %s", end).isTrue())
                    .expectComplete()
                    .verify(WAIT);

            assertThat(frames.get(0)).startsWith("[\"welcome\"");
            assertThat(proxy.stats().connectionsAccepted()).isEqualTo(1);
            assertThat(proxy.stats().bytesToServer()).isPositive();
            assertThat(proxy.stats().bytesToClient()).isPositive();
        }
    }

    private static void awaitFrame(List<String> frames, String prefix) {
        long end = System.nanoTime() + WAIT.toNanos();
        while (frames.stream().noneMatch(frame -> frame.startsWith(prefix))) {
            if (System.nanoTime() > end) {
                throw new AssertionError("no frame starting with " + prefix + " within " + WAIT + ": " + frames);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
