package io.exflux.reactive.internal.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The JDK's HMAC, for tests that check a signature on the wire: an implementation independent of
 * {@link HmacSigner} (Bouncy Castle), so such a test does not check the signer against itself.
 */
public final class JcaHmac {

    private JcaHmac() {
    }

    /** Lower-case hex HMAC ({@code HmacSHA256}, {@code HmacSHA384}) of the parts, concatenated. */
    public static String hex(String algorithm, String secret, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is missing from this JVM", e);
        }
    }
}
