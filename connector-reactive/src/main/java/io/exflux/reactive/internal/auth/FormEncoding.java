package io.exflux.reactive.internal.auth;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Form encoding exactly as Python's {@code urllib.parse.urlencode} does it, because the v1 platform (BTC-Alpha,
 * bitexbit) signs the string its Python reference client builds: space becomes {@code +}, every byte outside
 * {@code A-Z a-z 0-9 _ . - ~} becomes {@code %XX} (upper case hex of its UTF-8 bytes; so {@code *} is encoded and
 * {@code ~} is kept), unlike {@link java.net.URLEncoder} (which keeps {@code *} and encodes {@code ~}).
 */
public final class FormEncoding {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private FormEncoding() {
    }

    /** {@code urlencode(sorted(params.items()))}: the parameters sorted by name, encoded and joined with {@code &}. */
    public static String sortedUrlencode(Map<String, String> params) {
        return urlencode(new TreeMap<>(params));
    }

    /** {@code urlencode(params)} in the map's own iteration order. */
    public static String urlencode(Map<String, String> params) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> entry : params.entrySet()) {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(quotePlus(entry.getKey())).append('=')
                    .append(quotePlus(Objects.requireNonNull(entry.getValue(), () -> "value of " + entry.getKey())));
        }
        return out.toString();
    }

    /** Python's {@code quote_plus}: one name or value. */
    public static String quotePlus(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '.' || c == '-' || c == '~') {
                out.append((char) c);
            } else if (c == ' ') {
                out.append('+');
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }
}
