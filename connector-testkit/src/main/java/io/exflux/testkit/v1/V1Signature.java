package io.exflux.testkit.v1;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The v1 platform's {@code X-SIGN}: hex HMAC-SHA256, keyed by the secret, of the API key followed by the
 * parameters sorted by name and urlencoded. The documents' two snippets encode differently (Python's
 * {@code urlencode}: space as {@code +}, {@code !'()*} escaped; JavaScript's {@code encodeURIComponent}:
 * space as {@code %20}, {@code !'()*} kept): both are accepted. A GET may also be signed over the key alone
 * (the documents sign {@code {}} for their GET examples).
 */
public final class V1Signature {

    private V1Signature() {
    }

    /** The hex signature of {@code key + urlencode(sorted(params))} in Python's spelling. */
    public static String sign(String key, String secret, Map<String, String> params) {
        return hmac(secret, key + encode(params, true));
    }

    /** Whether {@code signature} signs these parameters (either spelling), or, when {@code keyAloneOk}, the key alone. */
    static boolean verify(String key, String secret, Map<String, String> params, boolean keyAloneOk, String signature) {
        if (signature == null) {
            return false;
        }
        byte[] given = signature.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        List<String> messages = new ArrayList<>(3);
        messages.add(key + encode(params, true));
        messages.add(key + encode(params, false));
        if (keyAloneOk) {
            messages.add(key);
        }
        boolean match = false;
        for (String message : messages) {
            match |= MessageDigest.isEqual(hmac(secret, message).getBytes(StandardCharsets.US_ASCII), given);
        }
        return match;
    }

    /** {@code a=1&b=2}, names sorted; values (and, in Python's spelling, names) urlencoded. */
    static String encode(Map<String, String> params, boolean python) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> e : new TreeMap<>(params).entrySet()) {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(python ? escape(e.getKey(), true) : e.getKey()).append('=').append(escape(e.getValue(), python));
        }
        return out.toString();
    }

    private static String escape(String text, boolean python) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~'
                    || (!python && (c == '!' || c == '\'' || c == '(' || c == ')' || c == '*'));
            if (plain) {
                out.append(c);
            } else if (python && c == ' ') {
                out.append('+');
            } else {
                out.append('%').append(HexFormat.of().withUpperCase().toHexDigits(b));
            }
        }
        return out.toString();
    }

    private static String hmac(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException missing) {
            throw new IllegalStateException("HmacSHA256 is not available", missing);
        }
    }
}
