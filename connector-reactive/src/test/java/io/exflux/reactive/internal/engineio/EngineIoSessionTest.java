package io.exflux.reactive.internal.engineio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import io.exflux.api.error.ProtocolException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The session state machine with the full sessions of protocols/v1-platform.md §2.3. */
class EngineIoSessionTest {

    private static final String OPEN_V3 = "0{\"sid\":\"abc\",\"upgrades\":[],\"pingInterval\":25000,\"pingTimeout\":5000}";
    private static final String OPEN_V4 =
            "0{\"sid\":\"abc\",\"upgrades\":[],\"pingInterval\":25000,\"pingTimeout\":20000,\"maxPayload\":1000000}";

    private static EngineIoOptions v3() {
        return EngineIoOptions.defaults();
    }

    private static EngineIoOptions v4() {
        return EngineIoOptions.builder().version(EngineIoVersion.V4).build();
    }

    @Test
    void engineIo3SocketIo2SessionJoinsOnTheServersUnsolicitedConnect() {
        EngineIoSession session = new EngineIoSession(v3());

        SessionStep open = session.onFrame(OPEN_V3);
        assertThat(open.replies()).as("a revision 4 client sends no CONNECT").isEmpty();
        assertThat(open.signals()).containsExactly(new SessionSignal.Opened(session.handshake()));
        assertThat(session.handshake().watchdog()).isEqualTo(Duration.ofSeconds(30));
        assertThat(session.state()).isEqualTo(EngineIoSession.State.AWAITING_NAMESPACE);

        SessionStep connect = session.onFrame("40");
        assertThat(connect.signals()).containsExactly(new SessionSignal.Ready(null));
        assertThat(session.state()).isEqualTo(EngineIoSession.State.READY);

        assertThat(session.subscribeFrame("book_BTC_USD")).isEqualTo("42[\"subscribe\",\"book_BTC_USD\"]");
        assertThat(session.onFrame("42[\"hey\",\"Jude\"]").signals())
                .containsExactly(new SessionSignal.Event("hey", List.of(TextNode.valueOf("Jude")), SocketIoPacket.NO_ACK));
    }

    @Test
    void engineIo3ClientPingsAndNeverAnswersWithAPong() {
        EngineIoSession session = new EngineIoSession(v3());
        session.onFrame(OPEN_V3);

        assertThat(session.pingFrame()).isEqualTo("2");
        assertThat(session.onFrame("3")).isEqualTo(SessionStep.NOTHING);
        assertThat(session.onFrame("2").replies()).as("a pong from a v3 client is 'invalid heartbeat direction'").isEmpty();
    }

    @Test
    void engineIo4SocketIo4SessionSendsConnectAndWaitsForTheSid() {
        EngineIoSession session = new EngineIoSession(v4());

        SessionStep open = session.onFrame(OPEN_V4);
        assertThat(open.replies()).containsExactly("40");
        assertThat(session.handshake().maxPayload()).isEqualTo(1_000_000);
        assertThat(session.handshake().watchdog()).isEqualTo(Duration.ofSeconds(45));

        assertThat(session.onFrame("40{\"sid\":\"wZX3oN0bSVIhsaknAAAI\"}").signals())
                .containsExactly(new SessionSignal.Ready("wZX3oN0bSVIhsaknAAAI"));
    }

    @Test
    void engineIo4ClientAnswersPingsAtOnceAndNeverPings() {
        EngineIoSession session = new EngineIoSession(v4());
        session.onFrame(OPEN_V4);

        assertThat(session.onFrame("2").replies()).containsExactly("3");
        assertThat(session.onFrame("2probe").replies()).containsExactly("3probe");
        assertThatThrownBy(session::pingFrame).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void revision5ConnectCarriesTheAuthObjectAndTheNamespace() {
        EngineIoSession session = new EngineIoSession(v4().mutate().namespace("/admin")
                .auth(JsonNodeFactory.instance.objectNode().put("token", "123")).build());

        assertThat(session.onFrame(OPEN_V4).replies()).containsExactly("40/admin,{\"token\":\"123\"}");
        assertThat(session.onFrame("40{\"sid\":\"x\"}").signals()).as("the main namespace is not ours").isEmpty();
        assertThat(session.onFrame("40/admin,{\"sid\":\"y\"}").signals()).containsExactly(new SessionSignal.Ready("y"));
        assertThat(session.subscribeFrame("c")).isEqualTo("42/admin,[\"subscribe\",\"c\"]");
    }

    @Test
    void revision4AsksForAnotherNamespaceAfterTheUnsolicitedMainConnect() {
        EngineIoSession session = new EngineIoSession(v3().mutate().namespace("/admin").build());
        session.onFrame(OPEN_V3);

        assertThat(session.onFrame("40").replies()).containsExactly("40/admin,");
        assertThat(session.onFrame("40/admin,").signals()).containsExactly(new SessionSignal.Ready(null));
    }

    @Test
    void revision4CarriesANamespaceTokenInTheConnectQueryOnly() {
        EngineIoOptions options = v3().mutate().namespace("/admin?token=s3cret").build();
        EngineIoSession session = new EngineIoSession(options);
        session.onFrame(OPEN_V3);

        assertThat(session.onFrame("40").replies()).containsExactly("40/admin?token=s3cret,");
        assertThat(session.onFrame("40/admin,").signals()).containsExactly(new SessionSignal.Ready(null));
        assertThat(session.subscribeFrame("c")).isEqualTo("42/admin,[\"subscribe\",\"c\"]");
        assertThat(options.toString()).contains("/admin?(hidden)").doesNotContain("s3cret");
    }

    @Test
    void refusedNamespaceEndsTheSessionWithTheServersReason() {
        EngineIoSession v5 = new EngineIoSession(v4());
        v5.onFrame(OPEN_V4);
        EngineIoSession v4rev = new EngineIoSession(v3());
        v4rev.onFrame(OPEN_V3);

        SessionSignal refused5 = v5.onFrame("44{\"message\":\"Invalid namespace\"}").signals().get(0);
        SessionSignal refused4 = v4rev.onFrame("44\"Not authorized\"").signals().get(0);

        assertThat(refused5).isInstanceOfSatisfying(SessionSignal.Closed.class,
                closed -> assertThat(closed.error()).hasMessageContaining("Invalid namespace"));
        assertThat(refused4).isInstanceOfSatisfying(SessionSignal.Closed.class,
                closed -> assertThat(closed.error()).hasMessageContaining("Not authorized"));
        assertThat(v5.state()).isEqualTo(EngineIoSession.State.CLOSED);
    }

    @Test
    void disconnectAndClosePacketsEndTheSession() {
        EngineIoSession socketIo = EngineIoSession.ready(v4());
        EngineIoSession engineIo = EngineIoSession.ready(v4());

        assertThat(socketIo.onFrame("41").signals()).singleElement().isInstanceOf(SessionSignal.Closed.class);
        assertThat(engineIo.onFrame("1").signals()).singleElement().isInstanceOf(SessionSignal.Closed.class);
        assertThat(EngineIoSession.ready(v4()).onFrame("41/other,").signals()).as("not our namespace").isEmpty();
    }

    @Test
    void acksBothWays() {
        EngineIoSession session = EngineIoSession.ready(v4());

        long id = session.nextAckId();
        assertThat(session.emitFrame("tellme", List.of(), id)).isEqualTo("420[\"tellme\"]");
        assertThat(session.nextAckId()).isEqualTo(id + 1);
        assertThat(session.onFrame("430[\"answer\"]").signals())
                .containsExactly(new SessionSignal.AckReceived(0, List.of(TextNode.valueOf("answer"))));
        assertThat(session.onFrame("421[\"tellme\"]").signals())
                .containsExactly(new SessionSignal.Event("tellme", List.of(), 1));
        assertThat(session.ackFrame(1, List.of(TextNode.valueOf("ok")))).isEqualTo("431[\"ok\"]");
    }

    @Test
    void malformedFramesAreReportedAndTheSessionGoesOn() {
        EngineIoSession session = EngineIoSession.ready(v4());

        for (String bad : List.of("", "9", "4", "4abc", "42{\"not\":\"array\"}", "42[\"x\"")) {
            assertThat(session.onFrame(bad).signals()).as(bad).singleElement()
                    .isInstanceOfSatisfying(SessionSignal.Malformed.class,
                            malformed -> assertThat(malformed.error()).isInstanceOf(ProtocolException.class));
        }
        assertThat(session.state()).isEqualTo(EngineIoSession.State.READY);
        assertThat(session.onFrame("42[\"still\",\"alive\"]").signals()).singleElement().isInstanceOf(SessionSignal.Event.class);
    }

    @Test
    void randomFramesNeverThrowOnlySignal() {
        java.util.Random random = new java.util.Random(42);
        String alphabet = "0123456789/,[]{}\"-:probe_sid";
        for (EngineIoOptions options : List.of(v3(), v4(), v4().mutate().framing(Framing.ENGINE_IO).build())) {
            for (int i = 0; i < 20_000; i++) {
                EngineIoSession session = random.nextBoolean() ? new EngineIoSession(options) : EngineIoSession.ready(options);
                StringBuilder frame = new StringBuilder();
                int length = random.nextInt(12);
                for (int c = 0; c < length; c++) {
                    frame.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                SessionStep step = session.onFrame(frame.toString());
                assertThat(step).as(frame.toString()).isNotNull();
            }
        }
    }

    @Test
    void binaryEventsAreRejectedWithAClearError() {
        SessionSignal signal = EngineIoSession.ready(v4()).onFrame("451-[\"img\",{\"_placeholder\":true,\"num\":0}]").signals().get(0);

        assertThat(signal).isInstanceOfSatisfying(SessionSignal.Malformed.class,
                malformed -> assertThat(malformed.error()).hasMessageContaining("binary packets (1 attachment(s)) are not supported"));
    }

    @Test
    void unreadableOpenPacketEndsTheSession() {
        EngineIoSession session = new EngineIoSession(v4());

        assertThat(session.onFrame("0{\"sid\":\"x\"}").signals()).singleElement()
                .isInstanceOfSatisfying(SessionSignal.Closed.class,
                        closed -> assertThat(closed.error()).isInstanceOf(ProtocolException.class));
    }

    @Test
    void messagesBeforeTheOpenPacketAreMalformed() {
        assertThat(new EngineIoSession(v4()).onFrame("42[\"early\"]").signals()).singleElement()
                .isInstanceOf(SessionSignal.Malformed.class);
    }

    @Test
    void bareEngineIoIsReadyOnOpenAndCarriesJsonMessages() {
        EngineIoOptions bare = v3().mutate().framing(Framing.ENGINE_IO).path("/engine.io/").build();
        EngineIoSession session = new EngineIoSession(bare);

        assertThat(session.onFrame(OPEN_V3).signals()).containsExactly(
                new SessionSignal.Opened(session.handshake()), new SessionSignal.Ready(null));
        assertThat(session.subscribeFrame("book_BTC_USD")).isEqualTo("4[\"subscribe\",\"book_BTC_USD\"]");

        SessionSignal object = session.onFrame("4{\"pair\":\"BTC_USD\"}").signals().get(0);
        assertThat(object).isInstanceOfSatisfying(SessionSignal.Event.class, event -> {
            assertThat(event.name()).isNull();
            assertThat(event.arguments()).singleElement().satisfies(arg -> assertThat(arg.get("pair").asText()).isEqualTo("BTC_USD"));
        });
        SessionSignal array = session.onFrame("4[\"book_BTC_USD\",{\"a\":1}]").signals().get(0);
        assertThat(array).isInstanceOfSatisfying(SessionSignal.Event.class, event -> assertThat(event.name()).isEqualTo("book_BTC_USD"));
        assertThat(session.onFrame("4not json").signals()).singleElement().isInstanceOf(SessionSignal.Malformed.class);
        assertThatThrownBy(session::nextAckId).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void optionsBuildTheWebsocketAddressAndHideTheAuth() {
        EngineIoOptions options = v4().mutate().path("/socket.v2/")
                .auth(JsonNodeFactory.instance.objectNode().put("token", "s3cret")).build();

        assertThat(options.websocketUri(java.net.URI.create("wss://btc-alpha.com")))
                .hasToString("wss://btc-alpha.com/socket.v2/?EIO=4&transport=websocket");
        assertThat(v3().websocketUri(java.net.URI.create("ws://127.0.0.1:8080/ignored")))
                .hasToString("ws://127.0.0.1:8080/socket.io/?EIO=3&transport=websocket");
        assertThat(options.toString()).doesNotContain("s3cret");
        assertThatThrownBy(() -> v3().websocketUri(java.net.URI.create("https://x"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EngineIoOptions.builder().path("socket.io")).isInstanceOf(IllegalArgumentException.class);
    }
}
