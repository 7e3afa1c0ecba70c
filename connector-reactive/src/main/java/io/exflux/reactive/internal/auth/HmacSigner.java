package io.exflux.reactive.internal.auth;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Supplier;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.util.encoders.Hex;

/**
 * HMAC-SHA256 or HMAC-SHA384 over bytes, as lowercase hex, with Bouncy Castle's lightweight API (no JCA provider
 * lookup). Thread-safe: each thread keeps its own keyed {@link HMac}, so signing costs no key schedule and no lock.
 */
public final class HmacSigner implements MessageSigner {

    private final String algorithm;
    private final ThreadLocal<HMac> macs;

    private HmacSigner(String algorithm, Supplier<Digest> digest, byte[] secret) {
        this.algorithm = algorithm;
        byte[] key = secret.clone();
        this.macs = ThreadLocal.withInitial(() -> {
            HMac mac = new HMac(digest.get());
            mac.init(new KeyParameter(key));
            return mac;
        });
    }

    /** An HMAC-SHA256 signer keyed with these secret bytes (copied). */
    public static HmacSigner sha256(byte[] secret) {
        return new HmacSigner("HMAC-SHA256", SHA256Digest::new, checked(secret));
    }

    /** An HMAC-SHA384 signer keyed with these secret bytes (copied). */
    public static HmacSigner sha384(byte[] secret) {
        return new HmacSigner("HMAC-SHA384", SHA384Digest::new, checked(secret));
    }

    /** An HMAC-SHA256 signer keyed with the UTF-8 bytes of this secret. */
    public static HmacSigner sha256(String secret) {
        return sha256(Objects.requireNonNull(secret, "secret").getBytes(StandardCharsets.UTF_8));
    }

    /** An HMAC-SHA384 signer keyed with the UTF-8 bytes of this secret. */
    public static HmacSigner sha384(String secret) {
        return sha384(Objects.requireNonNull(secret, "secret").getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String signHex(byte[] message) {
        HMac mac = macs.get();
        mac.update(message, 0, message.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0); // also resets the mac to its keyed state for the next message
        return Hex.toHexString(out);
    }

    /** Signs several parts as one message, without concatenating them first (e.g. path + nonce + body). */
    public String signHex(byte[]... parts) {
        HMac mac = macs.get();
        for (byte[] part : parts) {
            mac.update(part, 0, part.length);
        }
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return Hex.toHexString(out);
    }

    @Override
    public String algorithm() {
        return algorithm;
    }

    @Override
    public String toString() {
        return "HmacSigner[" + algorithm + "]";
    }

    private static byte[] checked(byte[] secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.length == 0) {
            throw new IllegalArgumentException("secret is empty");
        }
        return Arrays.copyOf(secret, secret.length);
    }
}
