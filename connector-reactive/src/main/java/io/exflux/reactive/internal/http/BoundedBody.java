package io.exflux.reactive.internal.http;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;

/**
 * The bytes of one answer body as they arrive, up to a limit. Not thread-safe: one answer's chunks arrive in order
 * on one event loop.
 */
final class BoundedBody {

    private final int limit;
    private byte[] bytes = new byte[0];
    private int length;

    BoundedBody(int limit) {
        this.limit = limit;
    }

    /**
     * A body expected to be {@code declaredLength} bytes long (its {@code Content-Length}; -1 when unknown): the
     * buffer is made that size at once, and a body of exactly that size is handed over without another copy.
     */
    BoundedBody(int limit, int declaredLength) {
        this.limit = limit;
        if (declaredLength > 0 && declaredLength <= limit) {
            bytes = new byte[declaredLength];
        }
    }

    /** Adds the readable bytes of a buffer, without moving its reader index; {@code false} as for a chunk. */
    boolean append(ByteBuf chunk) {
        int size = chunk.readableBytes();
        if (size > limit - length) {
            return false;
        }
        ensureRoom(size);
        chunk.getBytes(chunk.readerIndex(), bytes, length, size);
        length += size;
        return true;
    }

    /** Adds a chunk; {@code false} (keeping nothing of it) when the body would pass the limit. */
    boolean append(byte[] chunk) {
        if (chunk.length > limit - length) {
            return false;
        }
        ensureRoom(chunk.length);
        System.arraycopy(chunk, 0, bytes, length, chunk.length);
        length += chunk.length;
        return true;
    }

    private void ensureRoom(int size) {
        if (length + size > bytes.length) {
            // doubling, but never past the limit
            int capacity = (int) Math.min(limit, Math.max(length + size, Math.max(256L, 2L * bytes.length)));
            bytes = Arrays.copyOf(bytes, capacity);
        }
    }

    /** The bytes so far (the buffer itself when full: no one else holds it, and nothing is appended after). */
    byte[] bytes() {
        return length == bytes.length ? bytes : Arrays.copyOf(bytes, length);
    }
}
