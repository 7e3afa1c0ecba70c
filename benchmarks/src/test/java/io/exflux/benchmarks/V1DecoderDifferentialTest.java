package io.exflux.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.benchmarks.RecordingSink.Outcome;
import io.exflux.benchmarks.baseline.V1TreeDecoder;
import com.fasterxml.jackson.core.JsonParser;
import io.exflux.reactive.internal.engineio.EngineIoDialect;
import io.exflux.reactive.internal.engineio.EventCodec;
import io.exflux.reactive.internal.engineio.SessionSignal;
import io.exflux.reactive.internal.engineio.EngineIoOptions;
import io.exflux.reactive.internal.engineio.Framing;
import io.exflux.reactive.venue.v1.internal.V1Events;
import io.exflux.reactive.venue.v1.model.V1BookEvent;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The v1 socket's streaming path, from the frame's text and from its bytes as a socket hands them over, against
 * the tree reading it replaced, both flavours (bitexbit's socket.io, BTC-Alpha's bare engine.io): 30,000 seeded frames (100,000 on request) give the same deliveries (channel,
 * record with every field, decimals with their scale), the same skips and the same malformed frames; frames cut
 * short too, each followed by a whole frame that must still read. Most events must take the streaming path, so
 * that the comparison is never the tree against itself.
 */
class V1DecoderDifferentialTest {

    /** 30,000 keep the build quick (about 4 s at load 5); {@code -Dv1.differential.frames=100000} for the count. */
    private static final int FRAMES = Integer.getInteger("v1.differential.frames", 30_000);
    private static final List<Set<String>> TOPICS = List.of(Set.of("book_BTC_USD"),
            Set.of("book_BTC_USD", "book_ETH_BTC"), Set.of("book_LTC_USD", "trades"), Set.of());

    private static final class Pair {
        final EngineIoDialect<V1BookEvent> streaming;
        final V1TreeDecoder tree;
        final CountingCodec codec;

        Pair(Framing framing, String venue) {
            EngineIoOptions options = EngineIoOptions.builder().framing(framing).build();
            codec = new CountingCodec(new V1Events(venue));
            streaming = new EngineIoDialect<>(options, V1Events.router(), codec);
            tree = new V1TreeDecoder(options, venue);
        }
    }

    /** {@link V1Events}, counting the events its streaming reader gave: the comparison must not be tree against tree. */
    private static final class CountingCodec implements EventCodec<V1BookEvent> {
        final V1Events events;
        int streamed;

        CountingCodec(V1Events events) {
            this.events = events;
        }

        @Override
        public V1BookEvent decode(SessionSignal.Event event) {
            return events.decode(event);
        }

        @Override
        public V1BookEvent read(String eventName, JsonParser parser) throws IOException {
            V1BookEvent event = events.read(eventName, parser);
            streamed += event == null ? 0 : 1;
            return event;
        }

        @Override
        public String routingValue(V1BookEvent message) {
            return events.routingValue(message);
        }
    }

    private final Pair socketIo = new Pair(Framing.SOCKET_IO, "bitexbit");
    private final Pair bare = new Pair(Framing.ENGINE_IO, "btc-alpha");

    @Test
    void everyGeneratedFrameDecodesAndRoutesAsTheTreeDid() {
        V1FrameGenerator frames = new V1FrameGenerator(20261130L);
        int delivered = 0;
        for (int i = 0; i < FRAMES; i++) {
            boolean flavour = i % 2 == 0;
            delivered += same(flavour ? socketIo : bare, frames.next(flavour), TOPICS.get(i % TOPICS.size()), i);
        }
        assertThat(delivered).as("frames that reached a channel or the control flux").isGreaterThan(FRAMES * 3 / 4);
        assertThat(socketIo.codec.streamed + bare.codec.streamed).as("events read by the streaming reader")
                .isGreaterThan(FRAMES * 3 / 4);
    }

    @Test
    void framesCutShortFailOrReadAsTheTreeDid_andTheNextFrameReadsWhole() {
        V1FrameGenerator frames = new V1FrameGenerator(7L);
        SplittableRandom cuts = new SplittableRandom(11L);
        for (int i = 0; i < 1_500; i++) {
            boolean flavour = i % 2 == 0;
            Pair pair = flavour ? socketIo : bare;
            String whole = frames.next(flavour);
            same(pair, whole.substring(0, cuts.nextInt(1, whole.length())), TOPICS.get(0), i);
            same(pair, frames.next(flavour), TOPICS.get(1), i);
        }
    }

    @Test
    void absurdNumbersAreMalformedAtOnce_whereverTheyStand() {
        for (String frame : new String[] {
            "42[\"book_BTC_USD\",{\"date\":1485686507.09,\"oid\":1,\"type\":\"sell\",\"price\":1e99999999,\"amount\":1}]",
            "42[\"book_BTC_USD\",{\"date\":1e99999999,\"oid\":1,\"type\":\"sell\",\"price\":1,\"amount\":1}]",
            "42[\"book_BTC_USD\",{\"date\":1,\"oid\":1,\"type\":\"sell\",\"price\":1,\"amount\":1,\"x\":[2.5e-999999999]}]",
            "42[\"book_BTC_USD\",{\"date\":1,\"oid\":1,\"type\":\"sell\",\"price\":\"1e-99999999\",\"amount\":1}]",
            "42[\"book_BTC_USD\",{\"date\":1,\"oid\":1,\"type\":\"sell\",\"price\":1" + "0".repeat(120) + ",\"amount\":1}]"}) {
            RecordingSink<V1BookEvent> sink = new RecordingSink<>(TOPICS.get(0), true);
            socketIo.streaming.decode(frame, sink);
            assertThat(sink.outcomes()).as(frame).containsExactly(new Outcome("malformed", null, null));
            same(socketIo, frame, TOPICS.get(0), -1);
        }
    }

    /**
     * The frame as a live session hands it to the dialect: its UTF-8 bytes in a heap or a direct buffer, given as
     * bytes unless the dialect reads it as text.
     */
    private static void fromSocket(EngineIoDialect<V1BookEvent> dialect, String frame, boolean heap,
                                   RecordingSink<V1BookEvent> sink) {
        byte[] utf8 = frame.getBytes(StandardCharsets.UTF_8);
        ByteBuf buffer = heap ? Unpooled.wrappedBuffer(utf8) : Unpooled.directBuffer(utf8.length).writeBytes(utf8);
        try {
            if (dialect.readsAsText(buffer)) {
                dialect.decode(buffer.toString(StandardCharsets.UTF_8), sink);
            } else {
                dialect.decode(buffer, sink);
            }
        } finally {
            buffer.release();
        }
    }

    /**
     * Decodes the frame both ways (the streaming one from its text and from its bytes) and compares; returns 1 when
     * something was delivered.
     */
    private static int same(Pair pair, String frame, Set<String> topics, int index) {
        RecordingSink<V1BookEvent> expected = new RecordingSink<>(topics, true);
        RecordingSink<V1BookEvent> actual = new RecordingSink<>(topics, true);
        RecordingSink<V1BookEvent> fromBytes = new RecordingSink<>(topics, true);
        pair.tree.decode(frame, expected);
        pair.streaming.decode(frame, actual);
        if (!expected.outcomes().equals(actual.outcomes())) { // as(...) would build the message for every frame
            assertThat(actual.outcomes()).as("frame %d: %s", index, frame).isEqualTo(expected.outcomes());
        }
        fromSocket(pair.streaming, frame, index % 2 == 0, fromBytes);
        if (!expected.outcomes().equals(fromBytes.outcomes())) {
            assertThat(fromBytes.outcomes()).as("frame %d from its bytes: %s", index, frame)
                    .isEqualTo(expected.outcomes());
        }
        return expected.outcomes().isEmpty() || expected.outcomes().get(0).kind().equals("malformed") ? 0 : 1;
    }
}
