package io.exflux.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.exflux.api.error.ProtocolException;
import io.exflux.benchmarks.baseline.AlpTreeDecoder;
import io.exflux.reactive.venue.alp.internal.AlpFrameDecoder;
import io.exflux.reactive.venue.alp.model.AlpMessage;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The streaming ALP decoder against the tree reading it replaced: 100,000 seeded frames, odd but valid, give
 * equal records (every field, decimals with their scale); frames cut short fail in both or in neither.
 */
class AlpDecoderDifferentialTest {

    private static final int FRAMES = 100_000;

    @Test
    void everyGeneratedFrameDecodesAsTheTreeDecodedIt() {
        AlpFrameGenerator frames = new AlpFrameGenerator(20261129L);
        for (int i = 0; i < FRAMES; i++) {
            String frame = frames.next();
            AlpMessage expected = AlpTreeDecoder.decode(frame);
            AlpMessage actual = AlpFrameDecoder.decode(frame);
            if (!expected.equals(actual)) { // assertThat(...).as(frame) would build the message for every frame
                assertThat(actual).as("frame %d: %s", i, frame).isEqualTo(expected);
            }
        }
    }

    @Test
    void framesCutShortFailInBothOrInNeither() {
        AlpFrameGenerator frames = new AlpFrameGenerator(7L);
        SplittableRandom cuts = new SplittableRandom(11L);
        for (int i = 0; i < 5_000; i++) {
            String whole = frames.next();
            String frame = whole.substring(0, cuts.nextInt(1, whole.length()));
            AlpMessage expected;
            try {
                expected = AlpTreeDecoder.decode(frame);
            } catch (RuntimeException treeFailed) {
                assertThatThrownBy(() -> AlpFrameDecoder.decode(frame)).as(frame)
                        .isInstanceOf(ProtocolException.class);
                continue;
            }
            assertThat(AlpFrameDecoder.decode(frame)).as(frame).isEqualTo(expected);
            // and the frame after a failed one is read whole, on a fresh parser
            String next = frames.next();
            assertThat(AlpFrameDecoder.decode(next)).isEqualTo(AlpTreeDecoder.decode(next));
        }
    }

    @Test
    void absurdNumbersAreRefusedFast() {
        for (String frame : new String[] {
            "[\"t\",1694003848,1,\"BTC_USDT\",1e99999999,\"1\",\"buy\"]",
            "[\"t\",1694003848,1,\"BTC_USDT\",\"1e99999999\",\"1\",\"buy\"]",
            "[\"t\",1e99999999,1,\"BTC_USDT\",\"1\",\"1\",\"buy\"]",
            "[\"d\",1694003848,\"BTC_USDT\",[[[\"1e-999999999\",\"1\"]],[]]]",
            "[\"p\",1694003848,{\"Symbol\":\"BTC_USDT\",\"Asks\":[],\"Bids\":[],\"TotalAsks\":\"1" + "0".repeat(200) + "\"}]"}) {
            assertThatThrownBy(() -> AlpFrameDecoder.decode(frame)).as(frame).isInstanceOf(ProtocolException.class);
        }
    }
}
