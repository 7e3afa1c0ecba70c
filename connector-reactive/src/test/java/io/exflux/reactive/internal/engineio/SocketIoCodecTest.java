package io.exflux.reactive.internal.engineio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.exflux.api.error.ProtocolException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** socket.io framing with the wire examples of protocols/v1-platform.md §2 (text after engine.io's 4). */
class SocketIoCodecTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "0",
        "0{\"sid\":\"wZX3oN0bSVIhsaknAAAI\"}",
        "0{\"token\":\"123\"}",
        "0/admin,",
        "0/admin,{\"token\":\"123\"}",
        "1",
        "1/admin,",
        "2[\"subscribe\",\"book_BTC_USD\"]",
        "2[\"hey\",\"Jude\"]",
        "21[\"tellme\"]",
        "2/admin,12[\"tellme\",{\"a\":1}]",
        "31[]",
        "31[\"answer\",42]",
        "4{\"message\":\"Invalid namespace\"}",
        "4/random,{\"message\":\"Invalid namespace\"}",
        "4\"Not authorized\"",
        "51-[\"img\",{\"_placeholder\":true,\"num\":0}]",
        "62-/admin,7[{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]",
    })
    void everyWireExampleDecodesAndEncodesBackToTheSameText(String text) {
        assertThat(SocketIoCodec.encode(SocketIoCodec.decode(text))).isEqualTo(text);
    }

    @Test
    void readsAConnectAckOfRevision5() {
        SocketIoPacket packet = SocketIoCodec.decode("0{\"sid\":\"wZX3oN0bSVIhsaknAAAI\"}");

        assertThat(packet.type()).isEqualTo(SocketIoPacketType.CONNECT);
        assertThat(packet.namespace()).isEqualTo("/");
        assertThat(packet.data().get("sid").asText()).isEqualTo("wZX3oN0bSVIhsaknAAAI");
        assertThat(packet.hasAckId()).isFalse();
    }

    @Test
    void readsAnEventWithItsNameArgumentsAndAckId() {
        SocketIoPacket packet = SocketIoCodec.decode("2/admin,12[\"tellme\",{\"a\":1},\"x\"]");

        assertThat(packet.type()).isEqualTo(SocketIoPacketType.EVENT);
        assertThat(packet.namespace()).isEqualTo("/admin");
        assertThat(packet.ackId()).isEqualTo(12);
        assertThat(packet.eventName()).isEqualTo("tellme");
        assertThat(packet.arguments()).hasSize(2);
        assertThat(packet.arguments().get(0).get("a").asLong()).isEqualTo(1);
        assertThat(packet.arguments().get(1).asText()).isEqualTo("x");
    }

    @Test
    void readsAnAckWithAllItsArguments() {
        SocketIoPacket packet = SocketIoCodec.decode("31[\"answer\",42]");

        assertThat(packet.type()).isEqualTo(SocketIoPacketType.ACK);
        assertThat(packet.ackId()).isEqualTo(1);
        assertThat(packet.eventName()).isNull();
        assertThat(packet.arguments()).extracting(Object::toString).containsExactly("\"answer\"", "42");
    }

    @Test
    void readsBothErrorShapes() {
        assertThat(SocketIoCodec.decode("4{\"message\":\"Invalid namespace\"}").errorMessage()).isEqualTo("Invalid namespace");
        assertThat(SocketIoCodec.decode("4/random,{\"message\":\"Invalid namespace\"}").namespace()).isEqualTo("/random");
        assertThat(SocketIoCodec.decode("4\"Not authorized\"").errorMessage()).isEqualTo("Not authorized");
        assertThat(SocketIoCodec.decode("4{\"code\":3}").errorMessage()).isEqualTo("{\"code\":3}");
    }

    @Test
    void readsTheHeaderOfBinaryPackets() {
        SocketIoPacket event = SocketIoCodec.decode("51-[\"img\",{\"_placeholder\":true,\"num\":0}]");
        SocketIoPacket ack = SocketIoCodec.decode("62-/admin,7[{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]");

        assertThat(event.type()).isEqualTo(SocketIoPacketType.BINARY_EVENT);
        assertThat(event.attachments()).isEqualTo(1);
        assertThat(event.eventName()).isEqualTo("img");
        assertThat(ack.type()).isEqualTo(SocketIoPacketType.BINARY_ACK);
        assertThat(ack.attachments()).isEqualTo(2);
        assertThat(ack.namespace()).isEqualTo("/admin");
        assertThat(ack.ackId()).isEqualTo(7);
    }

    @Test
    void namespaceMayEndTheText() {
        SocketIoPacket packet = SocketIoCodec.decode("1/admin");

        assertThat(packet.namespace()).isEqualTo("/admin");
        assertThat(packet.encode()).isEqualTo("1/admin,");
    }

    @Test
    void factoriesWriteWhatTheServerExpects() {
        ObjectNode auth = JsonNodeFactory.instance.objectNode().put("token", "123");

        assertThat(SocketIoPacket.connect("/", null).encode()).isEqualTo("0");
        assertThat(SocketIoPacket.connect("/", auth).encode()).isEqualTo("0{\"token\":\"123\"}");
        assertThat(SocketIoPacket.connect("/admin", null).encode()).isEqualTo("0/admin,");
        assertThat(SocketIoPacket.disconnect("/").encode()).isEqualTo("1");
        assertThat(SocketIoPacket.event("/", SocketIoPacket.NO_ACK, "subscribe", List.of(TextNode.valueOf("book_BTC_USD"))).encode())
                .isEqualTo("2[\"subscribe\",\"book_BTC_USD\"]");
        assertThat(SocketIoPacket.event("/", 1, "tellme", List.of()).encode()).isEqualTo("21[\"tellme\"]");
        assertThat(SocketIoPacket.ack("/", 1, List.of(TextNode.valueOf("ok"))).encode()).isEqualTo("31[\"ok\"]");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "7",
        "x[]",
        "abc",
        "2",
        "2[]",
        "2{\"a\":1}",
        "2[1,2]",
        "2[\"a\"",
        "2[\"a\"]junk",
        "3[\"no id\"]",
        "31{\"a\":1}",
        "0[]",
        "0\"token\"",
        "1{\"a\":1}",
        "4",
        "4[1]",
        "5[\"img\"]",
        "5-[\"img\"]",
        "5x-[\"img\"]",
        "51[\"img\"]",
        "21234567890123456789[\"too long\"]",
    })
    void rejectsMalformedPacketsWithAProtocolException(String text) {
        assertThatThrownBy(() -> SocketIoCodec.decode(text))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("socket.io");
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> SocketIoCodec.decode(null)).isInstanceOf(ProtocolException.class);
    }
}
