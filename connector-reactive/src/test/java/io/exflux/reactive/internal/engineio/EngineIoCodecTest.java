package io.exflux.reactive.internal.engineio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.exflux.api.error.ProtocolException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** engine.io framing with the wire examples of protocols/v1-platform.md §1. */
class EngineIoCodecTest {

    @ParameterizedTest
    @CsvSource({
        "1, CLOSE, ''",
        "2, PING, ''",
        "3, PONG, ''",
        "2probe, PING, probe",
        "3probe, PONG, probe",
        "5, UPGRADE, ''",
        "6, NOOP, ''",
        "'4[\"hey\",\"Jude\"]', MESSAGE, '[\"hey\",\"Jude\"]'",
        "'42[\"subscribe\",\"book_BTC_USD\"]', MESSAGE, '2[\"subscribe\",\"book_BTC_USD\"]'",
    })
    void decodesEveryPacketTypeAndEncodesItBack(String frame, EnginePacketType type, String data) {
        EnginePacket packet = EngineIoCodec.decode(frame);

        assertThat(packet).isEqualTo(new EnginePacket(type, data));
        assertThat(EngineIoCodec.encode(packet)).isEqualTo(frame);
    }

    @Test
    void factoriesWriteTheHeartbeatAndCloseFrames() {
        assertThat(EnginePacket.ping().encode()).isEqualTo("2");
        assertThat(EnginePacket.pong().encode()).isEqualTo("3");
        assertThat(EnginePacket.close().encode()).isEqualTo("1");
        assertThat(EnginePacket.message("{\"a\":1}").encode()).isEqualTo("4{\"a\":1}");
    }

    @Test
    void readsTheVersion4OpenPacket() {
        EnginePacket open = EngineIoCodec.decode(
                "0{\"sid\":\"lv_VI97HAXpY6yYWAAAC\",\"upgrades\":[],\"pingInterval\":25000,\"pingTimeout\":20000,\"maxPayload\":1000000}");

        OpenHandshake handshake = OpenHandshake.parse(open.data());

        assertThat(open.type()).isEqualTo(EnginePacketType.OPEN);
        assertThat(handshake).isEqualTo(new OpenHandshake("lv_VI97HAXpY6yYWAAAC", List.of(),
                Duration.ofMillis(25000), Duration.ofMillis(20000), 1_000_000));
        assertThat(handshake.watchdog()).isEqualTo(Duration.ofMillis(45000));
    }

    @Test
    void readsTheVersion3OpenPacketWithoutUpgradesOrMaxPayload() {
        OpenHandshake handshake = OpenHandshake.parse(
                EngineIoCodec.decode("0{\"sid\":\"lv_VI97HAXpY6yYWAAAC\",\"pingInterval\":25000,\"pingTimeout\":5000}").data());

        assertThat(handshake).isEqualTo(new OpenHandshake("lv_VI97HAXpY6yYWAAAC", List.of(),
                Duration.ofMillis(25000), Duration.ofMillis(5000), 0));
        assertThat(handshake.watchdog()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void keepsAnnouncedUpgrades() {
        OpenHandshake handshake = OpenHandshake.parse(
                "{\"sid\":\"s\",\"upgrades\":[\"websocket\"],\"pingInterval\":1,\"pingTimeout\":2}");

        assertThat(handshake.upgrades()).containsExactly("websocket");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "7", "x", "a4[]", " 2"})
    void rejectsFramesThatAreNotPackets(String frame) {
        assertThatThrownBy(() -> EngineIoCodec.decode(frame))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("engine.io");
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> EngineIoCodec.decode(null)).isInstanceOf(ProtocolException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "not json",
        "[]",
        "{\"pingInterval\":1,\"pingTimeout\":2}",
        "{\"sid\":\"\",\"pingInterval\":1,\"pingTimeout\":2}",
        "{\"sid\":7,\"pingInterval\":1,\"pingTimeout\":2}",
        "{\"sid\":\"s\",\"pingTimeout\":2}",
        "{\"sid\":\"s\",\"pingInterval\":\"25000\",\"pingTimeout\":2}",
        "{\"sid\":\"s\",\"pingInterval\":-1,\"pingTimeout\":2}",
        "{\"sid\":\"s\",\"pingInterval\":1.5,\"pingTimeout\":2}",
        "{\"sid\":\"s\",\"pingInterval\":9223372036854775807,\"pingTimeout\":2}",
        "{\"sid\":\"s\",\"pingInterval\":1,\"pingTimeout\":1e400}",
        "{\"sid\":\"s\",\"pingInterval\":1,\"pingTimeout\":2,\"upgrades\":\"websocket\"}",
        "{\"sid\":\"s\",\"pingInterval\":1,\"pingTimeout\":2,\"upgrades\":[1]}",
        "{\"sid\":\"s\",\"pingInterval\":1,\"pingTimeout\":2,\"maxPayload\":\"big\"}",
        "{\"sid\":\"s\",\"pingInterval\":1,\"pingTimeout\":2} trailing",
    })
    void rejectsOpenPacketsWithoutTheHandshakeFields(String json) {
        assertThatThrownBy(() -> OpenHandshake.parse(json))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("engine.io open packet");
    }

    @Test
    void keepsTheOffendingFrameInTheErrorContextNotTheMessage() {
        ProtocolException error = org.junit.jupiter.api.Assertions.assertThrows(ProtocolException.class,
                () -> EngineIoCodec.decode("9secret-looking-frame"));

        assertThat(error.context().rawBody()).isEqualTo("9secret-looking-frame");
        assertThat(error.getMessage()).doesNotContain("secret-looking-frame");
    }

    @Test
    void versionsKnowWhoPings() {
        assertThat(EngineIoVersion.V3.clientPings()).isTrue();
        assertThat(EngineIoVersion.V4.clientPings()).isFalse();
        assertThat(EngineIoVersion.V3.socketIoRevision()).isEqualTo(SocketIoRevision.V4);
        assertThat(EngineIoVersion.V4.socketIoRevision()).isEqualTo(SocketIoRevision.V5);
    }
}
