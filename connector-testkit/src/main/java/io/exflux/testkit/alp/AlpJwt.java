package io.exflux.testkit.alp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Issues and checks the simulator's HS256 JWTs (payload: {@code sub} account id, {@code iat}, {@code exp}). */
final class AlpJwt {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final String HEADER = ENCODER.encodeToString(
            "{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

    private final byte[] key = new byte[32];
    private final ObjectMapper mapper;
    private final Clock clock;

    AlpJwt(ObjectMapper mapper, Clock clock) {
        new SecureRandom().nextBytes(key);
        this.mapper = mapper;
        this.clock = clock;
    }

    String issue(long accountId, Duration lifetime) {
        long now = clock.instant().getEpochSecond();
        ObjectNode payload = mapper.createObjectNode();
        payload.put("sub", Long.toString(accountId));
        payload.put("iat", now);
        payload.put("exp", now + Math.max(1, lifetime.toSeconds()));
        String body = ENCODER.encodeToString(payload.toString().getBytes(StandardCharsets.UTF_8));
        String signingInput = HEADER + "." + body;
        return signingInput + "." + ENCODER.encodeToString(hmac(key, signingInput.getBytes(StandardCharsets.US_ASCII)));
    }

    /** The account id of a valid, unexpired token; empty otherwise. */
    OptionalLong verify(String token) {
        if (token == null) {
            return OptionalLong.empty();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return OptionalLong.empty();
        }
        try {
            byte[] expected = hmac(key, (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!MessageDigest.isEqual(expected, DECODER.decode(parts[2]))) {
                return OptionalLong.empty();
            }
            JsonNode payload = mapper.readTree(DECODER.decode(parts[1]));
            if (clock.instant().getEpochSecond() > payload.path("exp").asLong(0)) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(Long.parseLong(payload.path("sub").asText()));
        } catch (IllegalArgumentException | java.io.IOException malformed) {
            return OptionalLong.empty();
        }
    }

    /** Lower-case hex HMAC-SHA256, the form of {@code X-SIGN}. */
    static String hexHmac(String secret, byte[] message) {
        return HexFormat.of().formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8), message));
    }

    private static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", impossible);
        }
    }
}
