package io.exflux.reactive.venue.alp;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Unsigned test JWTs with a chosen {@code exp}. */
final class AlpTestJwt {

    private AlpTestJwt() {
    }

    static String withExp(long expSeconds, String subject) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(("{\"sub\":\"" + subject + "\",\"exp\":" + expSeconds + "}")
                .getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + ".c2ln";
    }
}
