package io.exflux.reactive.venue.alp;

import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.api.config.Credentials;
import io.exflux.api.error.AuthenticationException;
import io.exflux.testkit.alp.AlpSimulator;
import io.exflux.testkit.alp.AlpSimulatorOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** An API key the venue does not know is an authentication failure for the user, as the simulator answers it. */
class AlpUnknownApiKeyTest {

    @Test
    void anUnknownKeyIsAnAuthenticationErrorAgainstTheSimulator() {
        try (AlpSimulator sim = AlpSimulator.start(AlpSimulatorOptions.builder().generatorEnabled(false).build())) {
            AlpExchangeClient client = AlpExchangeClient.create(AlpOptions.builder().restUrl(sim.restBaseUrl())
                    .wsUrl(sim.websocketUrl()).credentials(Credentials.of("no-such-key", "SECRET"))
                    .rateLimit(AlpOptions.PUBLIC_SCOPE, null).rateLimit(AlpOptions.PRIVATE_SCOPE, null).build());
            try {
                StepVerifier.create(client.balances())
                        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(AuthenticationException.class)
                                .satisfies(auth -> assertThat(((AuthenticationException) auth).httpStatus())
                                        .isIn(401, 404)))
                        .verify(Duration.ofSeconds(10));
            } finally {
                client.closeGracefully().block(Duration.ofSeconds(5));
            }
        }
    }
}
