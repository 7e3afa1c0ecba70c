package io.exflux.reactive.venue.v1.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.exflux.reactive.internal.auth.FormEncoding;
import io.exflux.reactive.internal.auth.HmacSigner;
import io.exflux.reactive.internal.codec.Json;
import io.exflux.reactive.internal.http.RestRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * The v1 signature: {@code X-SIGN} = hex HMAC-SHA256, keyed with the secret's bytes as given (bitexbit's sample
 * secret holds a {@code %}: it is not decoded), over the API key followed by the POST parameters sorted by name and
 * encoded as Python's {@code urlencode} does. A GET signs the key alone, as the documents' examples do
 * ({@code get_auth_headers({})}, also for calls with query parameters). The nonce ({@code X-NONCE}) is sent, not
 * signed. A form body is exactly the signed parameters; a JSON body holds the same parameters, and the signature
 * is over their sorted urlencoded form all the same.
 */
public final class V1Signature {

    /** The content type of a form body. */
    public static final String FORM = "application/x-www-form-urlencoded";
    /** The content type of a JSON body. */
    public static final String JSON = "application/json";

    private final String apiKey;
    private final HmacSigner mac;
    /** The signature over the key alone, which every call without a body carries: the same for each of them. */
    private final String keyAlone;

    /** A signature for this key and secret. */
    public V1Signature(String apiKey, byte[] secret) {
        this.apiKey = apiKey;
        this.mac = HmacSigner.sha256(secret);
        this.keyAlone = signText("");
    }

    /** The API key, for {@code X-KEY}. */
    public String apiKey() {
        return apiKey;
    }

    /** {@code X-SIGN} of this request: over the key and its sorted urlencoded POST parameters. */
    public String sign(RestRequest request) {
        return request.bodyLength() == 0 ? keyAlone : signText(signedParameters(request));
    }

    /** {@code X-SIGN} over the key followed by these (already encoded) parameters. */
    public String signText(String encodedParameters) {
        return mac.signHex((apiKey + encodedParameters).getBytes(StandardCharsets.UTF_8));
    }

    /** The encoded parameters a request's signature covers: none for a GET, the sorted body parameters else. */
    static String signedParameters(RestRequest request) {
        if (request.bodyLength() == 0) {
            return "";
        }
        String type = request.header("Content-Type");
        if (type != null && type.startsWith(JSON)) {
            return FormEncoding.sortedUrlencode(jsonParameters(request.body()));
        }
        return request.bodyAsString();
    }

    /** The body of these parameters in the chosen format: the sorted urlencoded form, or a JSON object of strings. */
    public static byte[] body(Map<String, String> parameters, boolean json) {
        TreeMap<String, String> sorted = new TreeMap<>(parameters);
        if (!json) {
            return FormEncoding.urlencode(sorted).getBytes(StandardCharsets.UTF_8);
        }
        com.fasterxml.jackson.databind.node.ObjectNode object = Json.mapper().createObjectNode();
        sorted.forEach(object::put);
        try {
            return Json.mapper().writeValueAsBytes(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> jsonParameters(byte[] body) {
        try {
            JsonNode object = Json.mapper().readTree(body);
            Map<String, String> parameters = new TreeMap<>();
            object.fields().forEachRemaining(field -> parameters.put(field.getKey(), field.getValue().asText()));
            return parameters;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "V1Signature[key=" + apiKey + "]";
    }
}
