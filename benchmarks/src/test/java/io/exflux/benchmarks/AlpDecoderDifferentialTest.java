package io.exflux.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.exflux.api.error.ProtocolException;
import io.exflux.benchmarks.baseline.AlpTreeDecoder;
import io.exflux.reactive.internal.book.ScaledBookUpdate;
import io.exflux.reactive.internal.book.ScaledDecimals;
import io.exflux.reactive.venue.alp.internal.AlpFrameDecoder;
import io.exflux.reactive.venue.alp.internal.AlpPlainFrames;
import io.exflux.reactive.venue.alp.internal.AlpScaledFrames;
import io.exflux.reactive.venue.alp.model.AlpDepth;
import io.exflux.reactive.venue.alp.model.AlpDiff;
import io.exflux.reactive.venue.alp.model.AlpLevel;
import io.exflux.reactive.venue.alp.model.AlpMessage;
import io.exflux.reactive.venue.alp.model.AlpUnknownMessage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The streaming ALP decoder (the plain reader of trades and diffs, the parser for the rest) against the tree reading it
 * replaced: 100,000 seeded frames, odd but valid, read from their text and their bytes (heap and direct), give
 * equal records (every field, decimals with their scale, as the records hold them and as their accessors make them),
 * and a diff reaches the book's scaled update as the tree's {@code BigDecimal}s would (or both refuse it); frames cut
 * short fail in both or in neither.
 */
class AlpDecoderDifferentialTest {

    private static final int FRAMES = 100_000;
    /** Scales of the book, small enough that some generated values have more decimals and are refused. */
    private static final int PRICE_SCALE = 6;
    private static final int AMOUNT_SCALE = 9;
    private final ScaledBookUpdate update = new ScaledBookUpdate();

    @Test
    void everyGeneratedFrameDecodesAsTheTreeDecodedIt() {
        AlpFrameGenerator frames = new AlpFrameGenerator(20261129L);
        ByteBuf direct = Unpooled.directBuffer(1024);
        int readPlainly = 0;
        try {
            for (int i = 0; i < FRAMES; i++) {
                String frame = frames.next();
                AlpMessage expected = AlpTreeDecoder.decode(frame);
                byte[] bytes = frame.getBytes(StandardCharsets.UTF_8);
                direct.clear().writeBytes(bytes);
                AlpMessage plain = AlpPlainFrames.read(frame);
                if (plain != null) {
                    readPlainly++;
                    same(plain, expected, i, frame);
                }
                same(AlpFrameDecoder.decode(frame), expected, i, frame);
                same(AlpFrameDecoder.decode(Unpooled.wrappedBuffer(bytes)), expected, i, frame);
                same(AlpFrameDecoder.decode(direct), expected, i, frame);
                if (expected instanceof AlpDiff diff) {
                    String want = scaled(() -> scaleTreeLevels(diff));
                    String packedRoute = scaled(() -> AlpScaledFrames.diff((AlpDiff) AlpFrameDecoder.decode(frame))
                            .readInto(update, PRICE_SCALE, AMOUNT_SCALE));
                    String textRoute = scaled(() -> AlpFrameDecoder.diffInto(frame, diff.symbol(), update, PRICE_SCALE,
                            AMOUNT_SCALE));
                    String bytesRoute = scaled(() -> AlpFrameDecoder.diffInto(direct, diff.symbol(), update,
                            PRICE_SCALE, AMOUNT_SCALE));
                    if (!want.equals(packedRoute) || !want.equals(textRoute) || !want.equals(bytesRoute)) {
                        assertThat(List.of(packedRoute, textRoute, bytesRoute)).as("frame %d: %s", i, frame)
                                .containsOnly(want);
                    }
                }
            }
        } finally {
            direct.release();
        }
        // the plain reader took the venue's usual frames (a third of those generated, most of them), not nothing
        assertThat(readPlainly).isGreaterThan(FRAMES / 5);
    }

    /** Equal records, and equal text: the text is made by the accessors (every BigDecimal, with its scale). */
    private static void same(AlpMessage actual, AlpMessage expected, int i, String frame) {
        if (!expected.equals(actual)) { // assertThat(...).as(frame) would build the message for every frame
            assertThat(actual).as("frame %d: %s", i, frame).isEqualTo(expected);
        }
        if (!(expected instanceof AlpDepth) && !expected.toString().equals(actual.toString())) { // depths hold theirs
            assertThat(actual).as("frame %d: %s", i, frame).hasToString(expected.toString());
        }
    }

    /**
     * Plain frames with one character changed, dropped or doubled (most of them malformed, some odd but valid): what
     * the plain reader reads, the tree reads the same; everything else it leaves to the full reader, and the decoder
     * as a whole fails or reads as the tree does. Never a frame half read: the next frame reads whole.
     */
    @Test
    void thePlainReaderReadsOnlyWhatTheTreeReadsTheSame() {
        AlpFrameGenerator frames = new AlpFrameGenerator(14L);
        SplittableRandom edits = new SplittableRandom(15L);
        String alphabet = "0123456789.-+eE\"[],{}:n \t\\xu\u00e9";
        int readPlainly = 0;
        for (int i = 0; i < 20_000; i++) {
            String whole = i % 2 == 0 ? frames.plainTrade() : frames.plainDiff(edits.nextInt(3), edits.nextInt(3));
            int at = edits.nextInt(whole.length());
            char ch = alphabet.charAt(edits.nextInt(alphabet.length()));
            String frame = switch (edits.nextInt(3)) {
                case 0 -> whole.substring(0, at) + ch + whole.substring(at + 1);
                case 1 -> whole.substring(0, at) + whole.substring(at + 1);
                default -> whole.substring(0, at) + whole.charAt(at) + whole.substring(at);
            };
            AlpMessage plain = AlpPlainFrames.read(frame);
            AlpMessage expected;
            try {
                expected = AlpTreeDecoder.decode(frame);
            } catch (RuntimeException treeFailed) {
                assertThat(plain).as(frame).isNull();
                if (!"not market data".equals(treeFailed.getMessage())) {
                    assertThatThrownBy(() -> AlpFrameDecoder.decode(frame)).as(frame)
                            .isInstanceOf(ProtocolException.class);
                } else { // the tree reads market data only; the decoder passes other types on
                    assertThat(AlpFrameDecoder.decode(frame)).as(frame).isInstanceOf(AlpUnknownMessage.class);
                }
                continue;
            }
            if (plain != null) {
                readPlainly++;
                same(plain, expected, i, frame);
            }
            same(AlpFrameDecoder.decode(frame), expected, i, frame);
            String next = frames.plainTrade();
            assertThat(AlpFrameDecoder.decode(next)).isEqualTo(AlpTreeDecoder.decode(next));
        }
        assertThat(readPlainly).isGreaterThan(1_000);
    }

    /** The tree's levels scaled one BigDecimal at a time: the book's update as it was made before packing. */
    private void scaleTreeLevels(AlpDiff diff) {
        update.reset(io.exflux.api.model.OrderBookUpdate.Kind.DELTA, io.exflux.api.model.OrderBookUpdate.Mode.DIFFERENCE,
                -1, -1, diff.time());
        for (AlpLevel level : diff.asks()) {
            update.addAsk(ScaledDecimals.toScaled(level.price(), PRICE_SCALE, "price"),
                    ScaledDecimals.toScaled(level.amount(), AMOUNT_SCALE, "amount"));
        }
        for (AlpLevel level : diff.bids()) {
            update.addBid(ScaledDecimals.toScaled(level.price(), PRICE_SCALE, "price"),
                    ScaledDecimals.toScaled(level.amount(), AMOUNT_SCALE, "amount"));
        }
    }

    /** The update the route leaves, as text, or "refused" when the route throws the book's error. */
    private String scaled(Runnable route) {
        try {
            route.run();
        } catch (ProtocolException refused) {
            return "refused";
        }
        StringBuilder out = new StringBuilder().append(update.timestamp()).append(" asks");
        for (int i = 0; i < update.askCount(); i++) {
            out.append(' ').append(update.askPrice(i)).append('@').append(update.askAmount(i));
        }
        out.append(" bids");
        for (int i = 0; i < update.bidCount(); i++) {
            out.append(' ').append(update.bidPrice(i)).append('@').append(update.bidAmount(i));
        }
        return out.toString();
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
