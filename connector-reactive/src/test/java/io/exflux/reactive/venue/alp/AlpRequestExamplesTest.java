package io.exflux.reactive.venue.alp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.exflux.reactive.internal.codec.Json;
import io.exflux.reactive.venue.alp.internal.AlpBodies;
import io.exflux.reactive.venue.alp.internal.AlpStreamDialect;
import io.exflux.reactive.venue.alp.model.AlpCancelRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What we send equals the request examples of the document (as JSON; we send it compact). */
class AlpRequestExamplesTest {

    private static JsonNode example(String name) throws Exception {
        return Json.mapper().readTree(AlpDocExamples.raw(name).replace(", ...]", "]"));
    }

    private static JsonNode json(byte[] bytes) throws Exception {
        return Json.mapper().readTree(bytes);
    }

    private static JsonNode json(String text) throws Exception {
        return Json.mapper().readTree(text);
    }

    @Test
    void tokenRequest() throws Exception {
        assertThat(json(AlpBodies.auth("<Your API Key>", "<Your API Secret>"))).isEqualTo(example("rest/auth-request.json"));
    }

    @Test
    void cancelRequests() throws Exception {
        assertThat(json(AlpBodies.cancel(new AlpCancelRequest.ByIds(List.of(1L, 5L, 8L)))))
                .isEqualTo(example("rest/cancel-by-ids-request.json"));
        assertThat(json(AlpBodies.cancel(new AlpCancelRequest.All()))).isEqualTo(example("rest/cancel-all-request.json"));
    }

    @Test
    void websocketRequests() throws Exception {
        AlpStreamDialect dialect = new AlpStreamDialect(null, Duration.ofSeconds(50));
        assertThat(json(dialect.subscribeFrames(List.of("topic1", "topic2")).get(0)))
                .isEqualTo(example("ws/subscribe-request.json"));
        assertThat(json(dialect.unsubscribeFrames(List.of("topic1", "topic2")).get(0)))
                .isEqualTo(example("ws/unsubscribe-request.json"));
        assertThat(json(AlpStreamDialect.authFrame("Generated JWT Token"))).isEqualTo(example("ws/auth-request.json"));
    }
}
