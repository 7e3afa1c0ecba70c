package io.exflux.reactive.internal.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Reads websocket text frames, one at a time, with one long-lived Jackson non-blocking parser: a parser
 * made per frame costs about 550 bytes of garbage before it reads a token, this one costs none. Each frame
 * is fed as the next root value: its UTF-8 bytes in place when they are an array that ends the root value,
 * otherwise copied once into a reused buffer (a text frame encoded as UTF-8); the caller reads its tokens
 * (numbers and strings through {@link JsonValues}, straight from the parser's text) and then
 * {@link #close() closes} the frame, which skips what it left unread. Numbers longer than
 * {@link BoundedDecimals#MAX_TEXT_LENGTH} characters fail the read, as with {@link Json#mapper()}.
 *
 * <p>One reader serves one thread ({@link #forThisThread()}), a frame at a time; it is not thread-safe.
 * After a frame that could not be read the caller {@link #abandon() abandons} it and the next frame gets a
 * fresh parser.
 */
public final class JsonFrameReader {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNumberLength(BoundedDecimals.MAX_TEXT_LENGTH).build())
            .build();
    private static final ThreadLocal<JsonFrameReader> PER_THREAD = ThreadLocal.withInitial(JsonFrameReader::new);
    /** A fresh parser now and then keeps its input counters (locations in error messages) far from overflow. */
    private static final int FRAMES_PER_PARSER = 1 << 20;
    private static final int INITIAL_BUFFER = 1024;
    /** A buffer grown past this by one big frame is let go after it. */
    private static final int KEPT_BUFFER = 64 * 1024;

    private JsonParser parser;
    private ByteArrayFeeder feeder;
    private byte[] bytes = new byte[INITIAL_BUFFER];
    private final JsonText text = new JsonText();
    /** Values of the frame being read, before they are copied into its record. */
    private long[] longs = new long[16];
    /** References of the frame being read (texts, values that do not fit a long); cleared by their user. */
    private Object[] objects = new Object[16];
    private int frames;
    private boolean open;

    /** A reader for a frame on this thread: the thread's own, or a new one if a frame is open on it already. */
    public static JsonFrameReader forThisThread() {
        JsonFrameReader reader = PER_THREAD.get();
        return reader.open ? new JsonFrameReader() : reader;
    }

    /**
     * Starts a frame.
     *
     * @return the parser, before the frame's first token; a frame with no value gives
     *         {@link JsonToken#NOT_AVAILABLE} as its first token
     */
    public JsonParser open(CharSequence frame) {
        int length = Utf8.encode(frame, this);
        return feed(bytes, 0, length);
    }

    /**
     * Starts a frame given as its UTF-8 bytes (a websocket text frame's content), which are only read until
     * {@link #close()} or {@link #abandon()}: neither the buffer's indexes nor its reference count change. A heap
     * buffer whose last byte closes an array or an object (every JSON-array or JSON-object frame) is fed in place;
     * any other is copied once into the reader's buffer (one bulk copy), with a space after it unless it ends with
     * such a byte, so that a root number ends.
     *
     * @return the parser, before the frame's first token, as {@link #open(CharSequence)}
     */
    public JsonParser open(ByteBuf frame) {
        return open(frame, 0);
    }

    /**
     * {@link #open(ByteBuf)} of the frame's bytes after its first {@code skip} (a prefix before the JSON, such as
     * engine.io's packet type), without a slice of the buffer.
     */
    public JsonParser open(ByteBuf frame, int skip) {
        int length = frame.readableBytes() - skip;
        int from = frame.readerIndex() + skip;
        if (frame.hasArray() && length > 0) {
            byte[] array = frame.array(); // read directly: ByteBuf.getByte checks access on every call
            int start = frame.arrayOffset() + from;
            if (closesValue(array[start + length - 1])) {
                return feed(array, start, start + length);
            }
        }
        byte[] out = buffer(length + 1);
        frame.getBytes(from, out, 0, length);
        return feed(out, 0, length > 0 && closesValue(out[length - 1]) ? length : Utf8.space(out, length));
    }

    /**
     * Starts a frame given as UTF-8 bytes (a REST answer's body), which are only read until {@link #close()} or
     * {@link #abandon()}: fed in place when the last byte closes an array or an object, else copied once into the
     * reader's buffer with a space after them, as {@link #open(ByteBuf)}.
     *
     * @return the parser, before the frame's first token, as {@link #open(CharSequence)}
     */
    public JsonParser open(byte[] frame) {
        int length = frame.length;
        if (length > 0 && closesValue(frame[length - 1])) {
            return feed(frame, 0, length);
        }
        byte[] out = buffer(length + 1);
        System.arraycopy(frame, 0, out, 0, length);
        return feed(out, 0, Utf8.space(out, length));
    }

    /** A value that ends in one of these needs nothing after it to end. */
    private static boolean closesValue(byte last) {
        return last == ']' || last == '}';
    }

    private JsonParser feed(byte[] input, int from, int to) {
        if (parser == null || ++frames > FRAMES_PER_PARSER) {
            renew();
        }
        try {
            feeder.feedInput(input, from, to);
        } catch (IOException e) {
            renew(); // only thrown when input is fed twice: a bug, not a frame
            throw new UncheckedIOException(e);
        }
        open = true;
        return parser;
    }

    /**
     * Ends the frame: skips the rest of its root value. Content after the root value is ignored, as
     * {@code readTree} ignores it, and never reaches the next frame.
     *
     * @throws IOException when the frame ends inside its value or is not JSON
     */
    public void close() throws IOException {
        try {
            while (!parser.getParsingContext().inRoot()) {
                if (parser.nextToken() == JsonToken.NOT_AVAILABLE) {
                    throw new JsonParseException(parser, "the frame ends inside its value");
                }
            }
            trailing();
        } catch (IOException | RuntimeException e) {
            renew();
            throw e;
        } finally {
            done();
        }
    }

    /** The view of the current token's text, for this reader's frames only. */
    public JsonText text() {
        return text;
    }

    /**
     * This reader's scratch array, with room for at least {@code length} longs: what it held is kept when it grows.
     * For values of the frame being read, before they are copied into the frame's record.
     */
    public long[] longs(int length) {
        if (longs.length < length) {
            longs = java.util.Arrays.copyOf(longs, Math.max(length, 2 * longs.length));
        }
        return longs;
    }

    /**
     * This reader's scratch array of references, with room for at least {@code length}: what it held is kept when it
     * grows. The caller sets entries back to {@code null} when done, so that the reader holds nothing of a frame.
     */
    public Object[] objects(int length) {
        if (objects.length < length) {
            objects = java.util.Arrays.copyOf(objects, Math.max(length, 2 * objects.length));
        }
        return objects;
    }

    /** Whatever follows the root value, even text that is not JSON, is dropped with the parser that saw it. */
    private void trailing() {
        if (feeder.needMoreInput()) {
            return; // the frame ended with its root value: nothing to look at (the usual frame)
        }
        try {
            if (parser.nextToken() != JsonToken.NOT_AVAILABLE) {
                renew();
            }
        } catch (IOException notJson) {
            renew();
        }
    }

    /** Ends a frame that could not be read: the next one starts on a fresh parser. */
    public void abandon() {
        renew();
        done();
    }

    private void done() {
        open = false;
        if (bytes.length > KEPT_BUFFER) {
            bytes = new byte[INITIAL_BUFFER];
        }
    }

    private void renew() {
        try {
            parser = FACTORY.createNonBlockingByteArrayParser();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        feeder = (ByteArrayFeeder) parser.getNonBlockingInputFeeder();
        frames = 0;
    }

    /** Room for at least {@code length} bytes. */
    byte[] buffer(int length) {
        if (bytes.length < length) {
            bytes = new byte[Math.max(length, bytes.length * 2)];
        }
        return bytes;
    }

    /**
     * UTF-8 into the reader's buffer, with a space after the frame so that a root number ends, unless the frame ends
     * with a closing bracket or brace: then the parser has read all of it when it reads the root value's end, and
     * closing the frame needs no further token.
     */
    private static final class Utf8 {

        private Utf8() {
        }

        static int encode(CharSequence text, JsonFrameReader reader) {
            int length = text.length();
            byte[] out = reader.buffer(length + 1);
            int index = 0;
            for (; index < length; index++) { // the usual frame is ASCII
                char ch = text.charAt(index);
                if (ch >= 0x80) {
                    return encodeFrom(text, index, reader);
                }
                out[index] = (byte) ch;
            }
            return length == 0 || !closesValue(out[length - 1]) ? space(out, length) : length;
        }

        private static int space(byte[] out, int at) {
            out[at] = ' ';
            return at + 1;
        }

        private static int encodeFrom(CharSequence text, int from, JsonFrameReader reader) {
            int length = text.length();
            byte[] out = reader.buffer(from + 3 * (length - from) + 1);
            int at = from;
            for (int index = from; index < length; index++) {
                char ch = text.charAt(index);
                if (ch < 0x80) {
                    out[at++] = (byte) ch;
                } else if (ch < 0x800) {
                    out[at++] = (byte) (0xC0 | ch >> 6);
                    out[at++] = (byte) (0x80 | ch & 0x3F);
                } else if (Character.isHighSurrogate(ch) && index + 1 < length
                        && Character.isLowSurrogate(text.charAt(index + 1))) {
                    int code = Character.toCodePoint(ch, text.charAt(++index));
                    out[at++] = (byte) (0xF0 | code >> 18);
                    out[at++] = (byte) (0x80 | code >> 12 & 0x3F);
                    out[at++] = (byte) (0x80 | code >> 6 & 0x3F);
                    out[at++] = (byte) (0x80 | code & 0x3F);
                } else if (Character.isSurrogate(ch)) {
                    out[at++] = '?'; // a lone surrogate, as String.getBytes(UTF_8) writes it
                } else {
                    out[at++] = (byte) (0xE0 | ch >> 12);
                    out[at++] = (byte) (0x80 | ch >> 6 & 0x3F);
                    out[at++] = (byte) (0x80 | ch & 0x3F);
                }
            }
            return closesValue(out[at - 1]) ? at : space(out, at);
        }
    }
}
