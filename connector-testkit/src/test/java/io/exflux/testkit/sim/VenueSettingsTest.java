package io.exflux.testkit.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.exflux.testkit.alp.AlpSimulatorOptions;
import io.exflux.testkit.btse.BtseSimulatorOptions;
import io.exflux.testkit.v1.V1Dialect;
import io.exflux.testkit.v1.V1SimulatorOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The settings the simulators share: one setter each, chaining with the venue's own, each venue's defaults kept,
 * copied by {@code mutate()}, bad values refused naming the setting.
 */
class VenueSettingsTest {

    @Test
    void eachSimulatorKeepsItsOwnDefaults() {
        AlpSimulatorOptions alp = AlpSimulatorOptions.defaults();
        assertThat(alp.maxTopics()).isEqualTo(20);
        assertThat(alp.pingInterval()).isEqualTo(Duration.ofSeconds(20));
        assertThat(alp.pingTimeout()).isEqualTo(Duration.ofSeconds(30));
        V1SimulatorOptions v1 = V1SimulatorOptions.defaults(V1Dialect.BITEXBIT);
        assertThat(v1.maxChannels()).isEqualTo(v1.maxTopics()).isEqualTo(50);
        assertThat(v1.pingInterval()).isEqualTo(Duration.ofSeconds(25));
        assertThat(v1.pingTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(BtseSimulatorOptions.defaults().maxTopics()).isEqualTo(100);
    }

    @Test
    void sharedSettersChainWithTheVenuesOwnAndSurviveMutate() {
        AlpSimulatorOptions alp = AlpSimulatorOptions.builder().maxTopics(3).pingInterval(Duration.ofMillis(50))
                .jwtLifetime(Duration.ofMinutes(2)).pingTimeout(Duration.ofMillis(70)).maxRequestBody(512).build()
                .mutate().build();
        assertThat(alp.maxTopics()).isEqualTo(3);
        assertThat(alp.pingInterval()).isEqualTo(Duration.ofMillis(50));
        assertThat(alp.pingTimeout()).isEqualTo(Duration.ofMillis(70));
        assertThat(alp.jwtLifetime()).isEqualTo(Duration.ofMinutes(2));
        assertThat(alp.maxRequestBody()).isEqualTo(512);
        V1SimulatorOptions v1 = V1SimulatorOptions.builder(V1Dialect.BTC_ALPHA).maxChannels(2)
                .pingTimeout(Duration.ofSeconds(1)).unthrottled().build().mutate().build();
        assertThat(v1.maxTopics()).isEqualTo(2);
        assertThat(v1.pingTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(v1.ipCallsPerSecond()).isEqualTo(1_000_000);
        BtseSimulatorOptions btse = BtseSimulatorOptions.builder().maxTopics(4).requestsPerSecond(7).build()
                .mutate().build();
        assertThat(btse.maxTopics()).isEqualTo(4);
        assertThat(btse.requestsPerSecond()).isEqualTo(7);
    }

    @Test
    void badValuesAreRefusedNamingTheSetting() {
        assertThatIllegalArgumentException().isThrownBy(() -> AlpSimulatorOptions.builder().maxTopics(0))
                .withMessageContaining("maxTopics");
        assertThatIllegalArgumentException().isThrownBy(() -> V1SimulatorOptions.builder(V1Dialect.BITEXBIT)
                .maxChannels(-1)).withMessageContaining("maxTopics");
        assertThatIllegalArgumentException().isThrownBy(() -> BtseSimulatorOptions.builder().maxTopics(0))
                .withMessageContaining("maxTopics");
        assertThatIllegalArgumentException().isThrownBy(() -> AlpSimulatorOptions.builder()
                .pingInterval(Duration.ZERO)).withMessageContaining("pingInterval");
        assertThatIllegalArgumentException().isThrownBy(() -> V1SimulatorOptions.builder(V1Dialect.BITEXBIT)
                .pingTimeout(Duration.ofSeconds(-1))).withMessageContaining("pingTimeout");
        assertThatIllegalArgumentException().isThrownBy(() -> AlpSimulatorOptions.builder().maxFrameBytes(0))
                .withMessageContaining("maxFrameBytes");
    }
}
