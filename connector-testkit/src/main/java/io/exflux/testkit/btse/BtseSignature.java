package io.exflux.testkit.btse;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * BTSE's signature: lowercase hex HMAC-SHA384 keyed by the API secret over
 * {@code path + nonce + body}, where the path is the one after the {@code /spot} mount and without the
 * query ({@code /api/v3.2/user/wallet}), and the body the exact text sent ({@code ""} without one). The
 * websocket login signs {@code "/ws/spot" + nonce}. Public so tests can sign as a client does.
 */
public final class BtseSignature {

    /** The REST mount prefix that is not signed. */
    static final String MOUNT = "/spot";
    /** What the websocket login signs before its nonce. */
    public static final String WS_LOGIN_PATH = "/ws/spot";

    private BtseSignature() {
    }

    /** The signature of one request (or of a login when {@code path} is {@link #WS_LOGIN_PATH} and body empty). */
    public static String sign(String secret, String path, String nonce, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA384");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA384"));
            String message = path + nonce + (body == null ? "" : body);
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("HmacSHA384 is not available", impossible);
        }
    }

    /** Whether {@code signature} (hex, any case) is the signature of this request; constant time. */
    static boolean verify(String secret, String path, String nonce, String body, String signature) {
        if (signature == null || nonce == null) {
            return false;
        }
        byte[] want = sign(secret, path, nonce, body).getBytes(StandardCharsets.US_ASCII);
        byte[] got = signature.trim().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(want, got);
    }

    /** The signed path of a request path: without the {@code /spot} mount. */
    static String signedPath(String requestPath) {
        return requestPath.startsWith(MOUNT + "/") ? requestPath.substring(MOUNT.length()) : requestPath;
    }
}
