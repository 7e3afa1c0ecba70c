package io.exflux.reactive.venue.btse.internal;

import static io.exflux.reactive.venue.btse.internal.BtseWsFrames.frame;
import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.api.config.Credentials;
import io.exflux.api.error.AuthenticationException;
import io.exflux.api.error.InvalidRequestException;
import io.exflux.reactive.venue.btse.BtseHeaderNaming;
import io.exflux.reactive.internal.auth.NonceSource;
import io.exflux.reactive.internal.ws.RecordingFrameSink;
import io.exflux.reactive.venue.btse.model.BtseWsBook;
import io.exflux.reactive.venue.btse.model.BtseWsMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** BTSE's dialect: the frames it writes, where each decoded message goes, what answers and errors mean. */
class BtseStreamDialectTest {

    /** The document's secret and the streaming check value of {@code /ws/spot1624985375123}. */
    private static final String SECRET = "848db84ac252b6726e5f6e7a711d9c96d9fd77d020151b45839a5b59c37203bx";
    private static final String API_KEY = "4e9536c79f0fdd72bf04f2430982d3f61d9d76c996f0175bbba470d69d59816x";
    private static final String WS_SIGN = "c410d38c681579adb335885800cff24c66171b7cc8376cfe43da1408c581748156b89bcc5a"
            + "115bb496413bda481139fb";

    private final BtseStreamDialect publicDialect = new BtseStreamDialect(null, null, Duration.ofSeconds(15),
            Duration.ofSeconds(10), 100);

    private BtseStreamDialect privateDialect(long nonce) {
        Clock fixed = Clock.fixed(Instant.ofEpochMilli(nonce), ZoneOffset.UTC);
        return new BtseStreamDialect(Credentials.of(API_KEY, SECRET), new NonceSource(fixed), Duration.ofSeconds(15),
                Duration.ofSeconds(10), 100);
    }

    private static RecordingFrameSink<BtseWsMessage> live(String... topics) {
        return new RecordingFrameSink<>(Set.of(topics), List.of("update:BTCC-USD_0"));
    }

    @Test
    void subscribeFrameIsTheDocumentsOne() {
        assertThat(publicDialect.subscribeFrames(List.of("tradeHistoryApi:BTC-USD")))
                .containsExactly(frame("subscribe.json"));
        assertThat(publicDialect.unsubscribeFrames(List.of("update:BTC-USD_0", "update:ETH-USD_0")))
                .containsExactly("{\"op\":\"unsubscribe\",\"args\":[\"update:BTC-USD_0\",\"update:ETH-USD_0\"]}");
        assertThat(publicDialect.maxTopicsPerConnection()).isEqualTo(100);
        assertThat(publicDialect.maxTopicsPerFrame()).isEqualTo(100);
    }

    @Test
    void loginSignsTheMainHostPathAndTheNonceWithTheDocumentsCheckValue() {
        assertThat(BtseStreamDialect.loginFrame(API_KEY, 1624985375123L, new BtseSignature(API_KEY, SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                BtseHeaderNaming.BTSE)))
                .isEqualTo("{\"op\":\"authKeyExpires\",\"args\":[\"" + API_KEY + "\",\"1624985375123\",\"" + WS_SIGN
                        + "\"]}");
        List<String> frames = privateDialect(1624985375123L).authenticate().block();
        assertThat(frames).singleElement().asString().contains("\"1624985375123\"", WS_SIGN);
        assertThat(publicDialect.authenticate().block()).isEmpty();
    }

    @Test
    void theTextPongIsAHeartbeatFrameNotData() {
        assertThat(publicDialect.heartbeat().isHeartbeatFrame("pong")).isTrue();
        assertThat(publicDialect.heartbeat().isHeartbeatFrame("{\"event\":\"pong\"}")).isFalse();
    }

    @Test
    void aDeltaWhoseTopicLeavesOutTheGroupingGoesToTheBookOfItsSymbol() {
        RecordingFrameSink<BtseWsMessage> sink = live("update:BTC-USD_0", "update:ETH-USD_0");
        publicDialect.decode(frame("oss-delta.json"), sink);
        assertThat(sink.delivered).singleElement().satisfies(d -> {
            assertThat(d.topic()).isEqualTo("update:BTC-USD_0");
            assertThat(((BtseWsBook) d.message()).seqNum()).isEqualTo(628283);
        });
    }

    @Test
    void bookFramesAreRoutedByDataSymbolWhateverTheirTopicSays() {
        RecordingFrameSink<BtseWsMessage> sink = live("update:ETH-USD_2");
        publicDialect.decode("{\"topic\":\"update:XXX_2\",\"data\":{\"bids\":[],\"asks\":[],\"seqNum\":2,"
                + "\"prevSeqNum\":1,\"type\":\"delta\",\"timestamp\":1,\"symbol\":\"ETH-USD\"}}", sink);
        assertThat(sink.delivered).extracting(RecordingFrameSink.Delivery::topic).containsExactly("update:ETH-USD_2");
    }

    @Test
    void twoGroupingsOfOneSymbolKeepTheirOwnFrames() {
        RecordingFrameSink<BtseWsMessage> sink = live("update:BTC-USD_0", "update:BTC-USD_3");
        publicDialect.decode("{\"topic\":\"update:BTC-USD_3\",\"data\":{\"bids\":[],\"asks\":[],\"seqNum\":2,"
                + "\"prevSeqNum\":1,\"type\":\"delta\",\"timestamp\":1,\"symbol\":\"BTC-USD\"}}", sink);
        publicDialect.decode(frame("oss-delta.json"), sink);
        assertThat(sink.delivered).extracting(RecordingFrameSink.Delivery::topic)
                .containsExactly("update:BTC-USD_3", "update:BTC-USD_0");
    }

    @Test
    void l1FramesGoToTheL1TopicWithOrWithoutGrouping() {
        RecordingFrameSink<BtseWsMessage> current = live("snapshotL1:BTC-USD");
        publicDialect.decode(frame("snapshot-l1.json"), current);
        assertThat(current.delivered).extracting(RecordingFrameSink.Delivery::topic)
                .containsExactly("snapshotL1:BTC-USD");
        RecordingFrameSink<BtseWsMessage> grouped = live("snapshotL1:BTC-USD_0");
        publicDialect.decode(frame("snapshot-l1.json"), grouped);
        assertThat(grouped.delivered).extracting(RecordingFrameSink.Delivery::topic)
                .containsExactly("snapshotL1:BTC-USD_0");
    }

    @Test
    void tradesGoToTheirSymbolsTopicAlsoUnderTheSamplesSpelling() {
        RecordingFrameSink<BtseWsMessage> sink = live("tradeHistoryApi:BTC-USD");
        publicDialect.decode(frame("trade-history.json"), sink);
        publicDialect.decode(frame("trade-history.json").replace("tradeHistoryApi:", "tradeHistory:"), sink);
        assertThat(sink.delivered).extracting(RecordingFrameSink.Delivery::topic)
                .containsExactly("tradeHistoryApi:BTC-USD", "tradeHistoryApi:BTC-USD");
    }

    @Test
    void privateDataGoesToItsPseudoTopics() {
        RecordingFrameSink<BtseWsMessage> sink = live("notificationApiV2", "fills");
        BtseStreamDialect dialect = privateDialect(1);
        dialect.decode(frame("notification-v2.json"), sink);
        dialect.decode(frame("fills.json"), sink);
        assertThat(sink.delivered).extracting(RecordingFrameSink.Delivery::topic)
                .containsExactly("notificationApiV2", "fills");
    }

    @Test
    void anAckSettlesItsTopics() {
        RecordingFrameSink<BtseWsMessage> sink = live();
        publicDialect.decode(frame("subscribe-ack.json"), sink);
        assertThat(sink.acknowledged).containsExactly("tradeHistoryApi:BTC-USD");
        assertThat(sink.control).hasSize(1);
    }

    @Test
    void anErrorFrameRefusesTheTopicItNamesWithItsCode() {
        RecordingFrameSink<BtseWsMessage> sink = live();
        publicDialect.decode(frame("oss-error.json"), sink);
        publicDialect.decode(frame("oss-error-before-2023-06.json"), sink);
        assertThat(sink.refused).hasSize(2).allSatisfy(refusal -> {
            assertThat(refusal.topic()).isEqualTo("update:BTCC-USD_0");
            assertThat(refusal.error()).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("update:BTCC-USD_0");
        });
        assertThat(sink.refused.get(0).error()).hasMessageContaining("1000")
                .hasMessageContaining("Market pair provided is currently not supported.");
        assertThat(sink.refused.get(1).error()).hasMessageContaining("MARKET_PAIR_NOT_SUPPORT");
    }

    @Test
    void anErrorNamingNoTopicAnswersTheOldestPendingSubscription() {
        RecordingFrameSink<BtseWsMessage> sink = live();
        publicDialect.decode("{\"severity\":\"ERROR\",\"errors\":[{\"error\":{\"code\":1002,"
                + "\"message\":\"Invalid request\"}}]}", sink);
        assertThat(sink.refused).singleElement().satisfies(refusal -> {
            assertThat(refusal.topic()).isNull();
            assertThat(refusal.error()).hasMessageContaining("update:BTCC-USD_0").hasMessageContaining("1002");
        });
    }

    @Test
    void aRefusedLoginOrMaxFailedAttemptsRefusesTheAuthentication() {
        RecordingFrameSink<BtseWsMessage> sink = live("notificationApiV2");
        BtseStreamDialect dialect = privateDialect(1);
        dialect.decode("{\"event\":\"login\",\"success\":false}", sink);
        dialect.decode("{\"severity\":\"ERROR\",\"errors\":[{\"error\":{\"code\":1008,"
                + "\"message\":\"max failed attempts, closing\"}}]}", sink);
        assertThat(sink.authenticationRefused).hasSize(2).allSatisfy(error -> assertThat(error)
                .isInstanceOf(AuthenticationException.class).message().doesNotContain(SECRET));
        RecordingFrameSink<BtseWsMessage> accepted = live("notificationApiV2");
        dialect.decode(frame("login-answer.json"), accepted);
        assertThat(accepted.authenticationRefused).isEmpty();
    }

    @Test
    void aFullUserBufferIsNotARefusal() {
        RecordingFrameSink<BtseWsMessage> sink = live("update:BTC-USD_0");
        publicDialect.decode("{\"severity\":\"ERROR\",\"errors\":[{\"arg\":\"update:BTC-USD_0\",\"error\":{\"code\":1007,"
                + "\"message\":\"user message buffer is full\"}}]}", sink);
        assertThat(sink.refused).isEmpty();
        assertThat(sink.control).hasSize(1);
    }

    @Test
    void bookTopicChoiceWhenNothingMatchesIsNone() {
        assertThat(BtseStreamDialect.bookTopic("update:BTC-USD", "BTC-USD", "update:", Set.of("update:ETH-USD_0")))
                .isNull();
        assertThat(BtseStreamDialect.bookTopic("update:BTC-USD", "BTC-USD", "update:",
                Set.of("update:BTC-USD_0", "update:BTC-USD_1"))).isEqualTo("update:BTC-USD_0");
    }
}
