package io.exflux.testkit.server;

import java.io.ByteArrayOutputStream;

/** Collects a request body up to a limit; past it, keeps nothing more and remembers that it overflowed. */
final class BodyBuffer {

    private final int limit;
    private ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private boolean overflowed;

    BodyBuffer(int limit) {
        this.limit = limit;
    }

    BodyBuffer append(byte[] chunk) {
        if (!overflowed && bytes.size() + (long) chunk.length > limit) {
            overflowed = true;
            bytes = null; // drop what was kept: the rest of the body is read and discarded
        } else if (!overflowed) {
            bytes.writeBytes(chunk);
        }
        return this;
    }

    boolean overflowed() {
        return overflowed;
    }

    byte[] bytes() {
        return bytes.toByteArray();
    }
}
