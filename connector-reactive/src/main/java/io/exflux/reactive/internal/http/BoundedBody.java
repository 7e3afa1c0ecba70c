package io.exflux.reactive.internal.http;

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

    /** Adds a chunk; {@code false} (keeping nothing of it) when the body would pass the limit. */
    boolean append(byte[] chunk) {
        if (chunk.length > limit - length) {
            return false;
        }
        if (length + chunk.length > bytes.length) {
            // doubling, but never past the limit
            int capacity = (int) Math.min(limit, Math.max(length + chunk.length, Math.max(256L, 2L * bytes.length)));
            bytes = Arrays.copyOf(bytes, capacity);
        }
        System.arraycopy(chunk, 0, bytes, length, chunk.length);
        length += chunk.length;
        return true;
    }

    /** The bytes so far. */
    byte[] bytes() {
        return Arrays.copyOf(bytes, length);
    }
}
