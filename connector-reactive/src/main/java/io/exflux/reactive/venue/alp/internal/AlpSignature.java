package io.exflux.reactive.venue.alp.internal;

import java.util.HexFormat;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * ALP's {@code X-SIGN}: lower-case hex HMAC-SHA256 of the exact request body bytes, keyed with the
 * API secret's UTF-8 bytes. Replaced by the shared signer of {@code io.exflux.reactive.auth} once it lands.
 */
public final class AlpSignature {

    private AlpSignature() {
    }

    /** The header value for {@code body}. */
    public static String sign(byte[] secret, byte[] body) {
        HMac mac = new HMac(new SHA256Digest());
        mac.init(new KeyParameter(secret));
        mac.update(body, 0, body.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }
}
