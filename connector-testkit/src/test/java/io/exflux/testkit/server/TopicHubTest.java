package io.exflux.testkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Subscribe sets per session and the publishers of a simulated venue's websocket, on in-memory channels. */
class TopicHubTest {

    private static WsSession session(EmbeddedChannel channel, long id) {
        RecordedRequest upgrade = new RecordedRequest("GET", "/ws", "", Map.of(), Map.of(), null, Instant.EPOCH);
        return new WsSession(id, "/ws", upgrade, channel);
    }

    private static List<String> sent(EmbeddedChannel channel) {
        List<String> out = new ArrayList<>();
        Object frame;
        while ((frame = channel.readOutbound()) != null) {
            TextWebSocketFrame text = (TextWebSocketFrame) frame;
            out.add(text.text());
            text.release();
        }
        return out;
    }

    @Test
    void publishersReachOnlyTheSessionsThatWantATopicAndBuildEachFrameOnce() {
        EmbeddedChannel a = new EmbeddedChannel();
        EmbeddedChannel b = new EmbeddedChannel();
        TopicHub hub = new TopicHub(2);
        TopicHub.Member ma = hub.join(session(a, 1));
        TopicHub.Member mb = hub.join(session(b, 2));
        assertThat(hub.subscribe(ma, "trade.*")).isEqualTo(TopicHub.Outcome.ADDED);
        assertThat(hub.subscribe(ma, "trade.*")).isEqualTo(TopicHub.Outcome.ALREADY);
        assertThat(hub.subscribe(ma, "ticker.*")).isEqualTo(TopicHub.Outcome.ADDED);
        assertThat(hub.subscribe(ma, "diff.X")).isEqualTo(TopicHub.Outcome.FULL);
        assertThat(hub.subscribe(mb, "trade.BTC")).isEqualTo(TopicHub.Outcome.ADDED);

        AtomicInteger built = new AtomicInteger();
        hub.publish(() -> "t" + built.incrementAndGet(), "trade.*", "trade.BTC");
        assertThat(built).hasValue(1);
        assertThat(sent(a)).containsExactly("t1");
        assertThat(sent(b)).containsExactly("t1");
        hub.publish(() -> "nobody", "diff.X");
        assertThat(sent(a)).isEmpty();
        assertThat(hub.listening("ticker.*")).isTrue();
        hub.unsubscribe(ma, List.of("ticker.*"));
        assertThat(hub.listening("ticker.*")).isFalse();

        mb.authenticate(7);
        hub.publishPrivate(7, () -> "mine");
        hub.publishPrivate(8, () -> "theirs");
        assertThat(sent(a)).isEmpty();
        assertThat(sent(b)).containsExactly("mine");

        b.close();
        assertThat(hub.size()).isEqualTo(1);
        a.close();
    }
}
