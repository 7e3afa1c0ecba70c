package io.exflux.reactive.venue.btse.internal;

import io.exflux.reactive.internal.auth.HmacSigner;
import io.exflux.reactive.internal.http.RestRequest;
import io.exflux.reactive.venue.btse.BtseHeaderNaming;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * BTSE's request signature: lower-case hex HMAC-SHA384, keyed with the secret, over the request path, the nonce and
 * the exact body bytes ({@code ""} when there is none). The path is the one below the REST base: without the
 * {@code /spot} mount and without the query string ({@code /api/v3.2/user/wallet}), so GET and DELETE parameters
 * are not signed. The websocket login signs {@code /ws/spot} and the nonce the same way ({@link #sign(String, long,
 * byte[])}).
 */
public final class BtseSignature {

    private static final byte[] NO_BODY = new byte[0];

    private final String apiKey;
    private final HmacSigner mac;
    private final BtseHeaderNaming headers;

    /** A signature for this key and secret, sent in these headers. */
    public BtseSignature(String apiKey, byte[] secret, BtseHeaderNaming headers) {
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
        this.mac = HmacSigner.sha384(secret);
        this.headers = Objects.requireNonNull(headers, "headers");
    }

    /** The hex signature of {@code path + nonce + body}. */
    public String sign(String path, long nonce, byte[] body) {
        return mac.signHex(path.getBytes(StandardCharsets.UTF_8),
                Long.toString(nonce).getBytes(StandardCharsets.UTF_8), body == null ? NO_BODY : body);
    }

    /** The request with its three authentication headers for this nonce. */
    public RestRequest authenticate(RestRequest request, long nonce) {
        return request.mutate()
                .setHeader(headers.apiHeader(), apiKey)
                .setHeader(headers.nonceHeader(), Long.toString(nonce))
                .setHeader(headers.signHeader(), sign(request.path(), nonce, request.body()))
                .build();
    }

    @Override
    public String toString() {
        return "BtseSignature[" + headers + "]";
    }
}
