package io.exflux.reactive.venue.alp.internal;

import io.netty.handler.codec.http.HttpHeaders;
import java.nio.charset.StandardCharsets;

/** One HTTP answer: status, headers and the whole body. */
public record AlpResponse(int status, HttpHeaders headers, byte[] body) {

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
