package io.exflux.reactive.internal.auth;

import java.nio.charset.StandardCharsets;

/**
 * Signs a message with a secret it holds and never shows: the SPI behind every venue's request signature. An
 * implementation is thread-safe and its {@code toString()} names the algorithm only.
 */
public interface MessageSigner {

    /** The signature of these bytes as lowercase hex. */
    String signHex(byte[] message);

    /** The signature of the UTF-8 bytes of this text as lowercase hex. */
    default String signHex(String message) {
        return signHex(message.getBytes(StandardCharsets.UTF_8));
    }

    /** The algorithm's name, e.g. {@code HMAC-SHA256}. */
    String algorithm();
}
