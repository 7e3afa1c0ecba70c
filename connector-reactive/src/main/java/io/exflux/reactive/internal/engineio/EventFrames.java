package io.exflux.reactive.internal.engineio;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.exflux.api.error.ProtocolException;
import io.exflux.reactive.internal.codec.JsonFrameReader;
import io.exflux.reactive.internal.codec.JsonValues;
import io.exflux.reactive.internal.ws.FrameSink;
import io.netty.buffer.ByteBuf;
import java.io.IOException;

/**
 * The hot path of {@link EngineIoDialect}: an event frame ({@code 42["name",{...}]} on socket.io, {@code 4{...}}
 * or {@code 4["name",{...}]} on bare engine.io) read without a tree. The packet prefix is read in place, the
 * JSON with the thread's {@link JsonFrameReader}, the first argument by the venue's {@link EventCodec#read};
 * the event is routed with {@link ChannelRouter#channel} and delivered. Any other frame (handshake, acks,
 * another namespace, a payload sent as a JSON string, an event of several arguments, anything the codec
 * declines) is left to the tree, which reads it as before; so is a frame whose JSON shape is off before
 * the codec has read a record, so that its error is the tree's. A frame comes as its text or as its UTF-8 bytes
 * (as the websocket hands it over: read in place from a heap buffer, with one bulk copy from a direct one, never
 * made a {@code String}). Thread-safe; synchronous.
 */
final class EventFrames<M> {

    private static final ThreadLocal<FrameTail> TAILS = ThreadLocal.withInitial(FrameTail::new);
    /** Longer ack ids are malformed to the tree's reader. */
    private static final int MAX_ACK_DIGITS = 18;

    private final boolean socketIo;
    private final String namespace;
    private final ChannelRouter router;
    private final EventCodec<M> codec;

    EventFrames(EngineIoOptions options, ChannelRouter router, EventCodec<M> codec) {
        this.socketIo = options.framing() == Framing.SOCKET_IO;
        this.namespace = options.namespaceName();
        this.router = router;
        this.codec = codec;
    }

    /**
     * Reads a frame if it is a hot event.
     *
     * @return true when the frame was handled here (delivered, or reported malformed to the sink); false
     *         when it is for the tree
     */
    boolean read(String frame, FrameSink<M> sink) {
        int json = jsonStart(frame, null, 0, frame.length());
        if (json < 0) {
            return false;
        }
        JsonFrameReader reader = JsonFrameReader.forThisThread();
        FrameTail tail = TAILS.get();
        JsonParser parser = reader.open(tail.of(frame, json));
        tail.of("", 0); // the reader has copied it: the thread keeps no frame
        return read(reader, parser, sink);
    }

    /**
     * Reads a frame given as its UTF-8 bytes if it is a hot event, as {@link #read(String, FrameSink)}: a heap
     * buffer in place, a direct one with one bulk copy, no {@code String}. The buffer's indexes do not move.
     */
    boolean read(ByteBuf utf8, FrameSink<M> sink) {
        int json = jsonStart(null, utf8, utf8.readerIndex(), utf8.readableBytes());
        if (json < 0) {
            return false;
        }
        JsonFrameReader reader = JsonFrameReader.forThisThread();
        return read(reader, reader.open(utf8, json), sink);
    }

    /**
     * Whether a frame given as its UTF-8 bytes is an event (by its first two bytes: {@code 42} on socket.io,
     * {@code 4} and an opening brace or bracket on bare engine.io), which no heartbeat or session signal is.
     */
    boolean isEventFrame(ByteBuf utf8) {
        int at = utf8.readerIndex();
        if (utf8.readableBytes() < 3 || utf8.getByte(at) != '4') {
            return false;
        }
        byte second = utf8.getByte(at + 1);
        return socketIo ? second == '2' : second == '{' || second == '[';
    }

    /** The event of a frame the reader has opened on its JSON; see {@link #read(String, FrameSink)}. */
    private boolean read(JsonFrameReader reader, JsonParser parser, FrameSink<M> sink) {
        String name = null;
        M message;
        try {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_ARRAY) {
                if (parser.nextToken() != JsonToken.VALUE_STRING) {
                    return decline(reader);
                }
                name = JsonValues.text(parser);
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    return decline(reader);
                }
            } else if (first != JsonToken.START_OBJECT || socketIo) {
                return decline(reader);
            }
            message = codec.read(name, parser);
            if (message == null) {
                return decline(reader);
            }
            if (first == JsonToken.START_ARRAY) {
                JsonToken after = parser.nextToken();
                if (after == JsonToken.NOT_AVAILABLE) {
                    throw new ProtocolException("the frame ends inside its event");
                }
                if (after != JsonToken.END_ARRAY) {
                    return decline(reader); // more arguments: the tree routes by all of them
                }
            }
            if (parser.nextToken() != JsonToken.NOT_AVAILABLE) {
                throw new ProtocolException("text after the event's JSON");
            }
            reader.close();
        } catch (IOException | RuntimeException e) {
            reader.abandon();
            sink.malformed("event " + name + " cannot be decoded: " + e.getMessage(), e);
            return true;
        }
        String channel = router.channel(name, codec.routingValue(message), sink.liveTopics());
        if (channel == null) {
            sink.control(message);
        } else {
            sink.next(message, channel);
        }
        return true;
    }

    /**
     * Where the JSON of an event frame starts, or -1 when the frame is not one read here. Only the frame's ASCII
     * prefix is looked at: in its {@code text}, or else in its {@code bytes} from {@code base} (a byte of a longer
     * character reads as a character no prefix has). No view object: one made per frame did not always stay off
     * the heap.
     */
    private int jsonStart(String text, ByteBuf bytes, int base, int length) {
        if (length < 3 || at(text, bytes, base, 0) != '4') {
            return -1;
        }
        if (!socketIo) {
            char c = at(text, bytes, base, 1);
            return c == '{' || c == '[' ? 1 : -1;
        }
        if (at(text, bytes, base, 1) != '2') {
            return -1;
        }
        int i = 2;
        if (at(text, bytes, base, i) == '/') {
            int comma = i;
            while (comma < length && at(text, bytes, base, comma) != ',') {
                comma++;
            }
            if (comma == length || comma - i != namespace.length()) {
                return -1;
            }
            for (int n = 0; n < namespace.length(); n++) {
                if (at(text, bytes, base, i + n) != namespace.charAt(n)) {
                    return -1;
                }
            }
            i = comma + 1;
        }
        int digits = i;
        while (i < length && at(text, bytes, base, i) >= '0' && at(text, bytes, base, i) <= '9') {
            i++;
        }
        return i - digits <= MAX_ACK_DIGITS && i < length && at(text, bytes, base, i) == '[' ? i : -1;
    }

    /** The character at {@code index} of the frame's text, or of its bytes from {@code base}. */
    private static char at(String text, ByteBuf bytes, int base, int index) {
        return text != null ? text.charAt(index) : (char) (bytes.getByte(base + index) & 0xFF);
    }

    /** Leaves the frame to the tree; whatever is wrong with it, the tree will say. */
    private static boolean decline(JsonFrameReader reader) {
        try {
            reader.close();
        } catch (IOException notJson) {
            // the reader has started afresh; the tree reports the frame
        }
        return false;
    }

    /** A frame from an offset, as the text the reader encodes; one per thread, used only while a frame opens. */
    private static final class FrameTail implements CharSequence {

        private String frame = "";
        private int offset;

        FrameTail of(String text, int from) {
            frame = text;
            offset = from;
            return this;
        }

        @Override
        public int length() {
            return frame.length() - offset;
        }

        @Override
        public char charAt(int index) {
            return frame.charAt(offset + index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return frame.substring(offset + start, offset + end);
        }

        @Override
        public String toString() {
            return frame.substring(offset);
        }
    }
}
