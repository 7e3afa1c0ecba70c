package io.exflux.reactive.venue.v1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.exflux.api.error.ExchangeException;
import io.exflux.reactive.internal.codec.Json;
import io.exflux.reactive.internal.engineio.EngineIoDialect;
import io.exflux.reactive.internal.engineio.EngineIoOptions;
import io.exflux.reactive.internal.engineio.Framing;
import io.exflux.reactive.internal.ws.FrameSink;
import io.exflux.reactive.venue.v1.internal.V1Codec;
import io.exflux.reactive.venue.v1.internal.V1Events;
import io.exflux.reactive.venue.v1.model.V1BookEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The documents' socket events through the streaming path (the events read without a tree), on both socket
 * flavours: the same records as the tree reading of {@link V1DocExamplesTest}, routed to their channel; a book
 * event that does not read is one malformed frame and the next frame still reads.
 */
class V1StreamedEventsTest {

    private static final Set<String> TWO_BOOKS = Set.of("book_BTC_USD", "book_ETH_BTC");

    /** What a dialect delivered: channel and record, or "malformed". */
    private static final class Sink implements FrameSink<V1BookEvent> {
        final List<Object> delivered = new ArrayList<>();
        final Set<String> topics;

        Sink(Set<String> topics) {
            this.topics = topics;
        }

        @Override
        public void next(V1BookEvent message, String topic) {
            delivered.add(List.of(topic, message));
        }

        @Override
        public void next(V1BookEvent message, String topic, String alsoTopic) {
            next(message, topic);
            next(message, alsoTopic);
        }

        @Override
        public void control(V1BookEvent message) {
            delivered.add(List.of("control", message));
        }

        @Override
        public Set<String> liveTopics() {
            return topics;
        }

        @Override
        public void acknowledged(List<String> acknowledged) {
        }

        @Override
        public void refused(String topic, Function<List<String>, ? extends ExchangeException> error) {
        }

        @Override
        public void authenticationRefused(ExchangeException error) {
        }

        @Override
        public void malformed(String reason, Throwable cause) {
            delivered.add("malformed");
        }
    }

    private static EngineIoDialect<V1BookEvent> dialect(V1Dialect venue, Framing framing) {
        return new EngineIoDialect<>(EngineIoOptions.builder().framing(framing).build(), V1Events.router(),
                new V1Events(venue.venue()));
    }

    private static List<Object> decode(EngineIoDialect<V1BookEvent> dialect, Set<String> topics, String... frames) {
        Sink sink = new Sink(topics);
        for (String frame : frames) {
            dialect.decode(frame, sink);
        }
        return sink.delivered;
    }

    /** The hot reader itself on the example, so that a silent fall-back to the tree cannot pass for it. */
    private static V1BookEvent streamed(V1Dialect venue, String json) throws IOException {
        try (JsonParser parser = Json.mapper().getFactory().createParser(json)) {
            assertThat(parser.nextToken()).isEqualTo(JsonToken.START_OBJECT);
            return new V1Events(venue.venue()).read(null, parser);
        }
    }

    @ParameterizedTest
    @EnumSource(V1Dialect.class)
    void theDocumentsNewOrderAndCancelReadAsTheTreeReadsThem(V1Dialect venue) throws IOException {
        for (String example : List.of("ws-new-order", "ws-cancel")) {
            String raw = V1Examples.raw(venue, example);
            V1BookEvent tree = V1Codec.bookEvent(V1Examples.tree(venue, example));
            assertThat(streamed(venue, raw)).as(example).isEqualTo(tree);
            assertThat(decode(dialect(venue, Framing.SOCKET_IO), TWO_BOOKS, "42[\"book_ETH_BTC\"," + raw + "]"))
                    .as(example).containsExactly(List.of("book_ETH_BTC", tree));
            assertThat(decode(dialect(venue, Framing.ENGINE_IO), Set.of("book_BTC_USD"), "4" + raw))
                    .as(example).containsExactly(List.of("book_BTC_USD", tree));
        }
    }

    @Test
    void aCancelGoesToTheChannelOfItsPair_aNewOrderWithoutPairToNoneOfTwo() {
        String cancel = "4{\"success\":true,\"date\":1485686413.5688234,\"oid\":15235,\"type\":\"sell\","
                + "\"price\":935.23,\"amount\":0.0123,\"pair\":\"ETH_BTC\",\"cancelled\":true}";
        String newOrder = "4{\"date\":1485686507.0944622,\"oid\":15234,\"type\":\"sell\",\"price\":935.23,"
                + "\"amount\":0.0,\"trades\":[]}";
        List<Object> delivered = decode(dialect(V1Dialect.BTC_ALPHA, Framing.ENGINE_IO), TWO_BOOKS, cancel, newOrder);
        assertThat(delivered).hasSize(2);
        assertThat(((List<?>) delivered.get(0)).get(0)).isEqualTo("book_ETH_BTC");
        assertThat(((List<?>) delivered.get(1)).get(0)).isEqualTo("control");
    }

    @Test
    void anUnreadableOrAbsurdValueIsOneMalformedFrame_andTheNextFrameReads() {
        String good = "42[\"book_BTC_USD\",{\"date\":1485686413,\"oid\":1,\"type\":\"buy\",\"price\":\"1.5\",\"amount\":2}]";
        List<Object> delivered = decode(dialect(V1Dialect.BITEXBIT, Framing.SOCKET_IO), Set.of("book_BTC_USD"),
                good.replace("\"1.5\"", "\"abc\""), good,
                good.replace("\"1.5\"", "1e99999999"), good,
                good.replace(",\"amount\":2", ",\"amount\":2,\"x\":[5e-999999999]"), good,
                good.substring(0, good.length() - 3), good,
                good.replace("\"oid\":1,", ""), good);
        assertThat(delivered).hasSize(9); // the event without oid is skipped, as the tree skips it
        for (int i = 0; i < 8; i += 2) {
            assertThat(delivered.get(i)).as("frame %d", i).isEqualTo("malformed");
            assertThat(delivered.get(i + 1)).isInstanceOf(List.class);
        }
        assertThat(delivered.get(8)).isInstanceOf(List.class);
    }
}
