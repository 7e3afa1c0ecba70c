package io.exflux.reactive.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.exflux.api.error.ProtocolException;
import io.exflux.reactive.config.Backoff;
import io.exflux.reactive.testsupport.FailOnNettyLeaks;
import io.exflux.testkit.server.FakeResponse;
import io.exflux.testkit.server.FakeVenueServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;

/**
 * Answers read by a streaming {@link AnswerReader}, the tree route standing behind it: the reader's value when it
 * reads, the tree's value or error where it declines, throws or stops inside the body, and exactly the tree route's
 * errors for unreadable and oversized answers. Also the answer's headers, which the transport keeps as received.
 */
@ExtendWith(FailOnNettyLeaks.class)
class StreamedAnswersLoopbackTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    /** The first number of a root array, or declines. */
    private static final AnswerReader<Long> FIRST_NUMBER = parser -> parser.nextToken() == JsonToken.START_ARRAY
            && parser.nextToken() == JsonToken.VALUE_NUMBER_INT ? parser.getLongValue() : null;

    private FakeVenueServer server;
    private RestClient client;
    private final AtomicInteger treesRead = new AtomicInteger();
    private final Function<JsonNode, Long> tree = node -> {
        treesRead.incrementAndGet();
        if (!node.isArray()) {
            throw new IllegalArgumentException("not an array");
        }
        return -node.get(0).asLong();
    };

    @BeforeEach
    void start() {
        server = FakeVenueServer.start();
        client = RestClient.builder(RestOptions.builder().venue("fake").baseUrl(server.baseUrl()).maxAttempts(1)
                .maxResponseBodySize(64).backoff(Backoff.exponential(Duration.ofMillis(10), Duration.ofMillis(50)))
                .build()).build();
    }

    @AfterEach
    void stop() {
        client.disposeLater().block(WAIT);
        server.close();
    }

    private Object outcome(AnswerReader<Long> reader) {
        return client.retrieve(RestRequest.get("/numbers").build(), reader, tree).<Object>map(value -> value)
                .onErrorResume(Mono::just).block(WAIT);
    }

    private Object treeOutcome() {
        return client.retrieveTree(RestRequest.get("/numbers").build()).<Object>map(value -> value)
                .onErrorResume(Mono::just).block(WAIT);
    }

    @Test
    void aBodyTheReaderReadsIsItsValueAndNoTreeIsBuilt() {
        server.route("GET", "/numbers").respond(FakeResponse.ok("[7, {\"a\": [1, 2]}, 8]"),
                FakeResponse.ok("[7, 8]\n"), FakeResponse.ok("[7] and what follows is ignored"));

        assertThat(List.of(outcome(FIRST_NUMBER), outcome(FIRST_NUMBER), outcome(FIRST_NUMBER)))
                .containsExactly(7L, 7L, 7L);
        assertThat(treesRead).hasValue(0);
    }

    @Test
    void whereTheReaderDeclinesThrowsOrStopsInsideTheBodyTheTreeReadsIt() {
        server.route("GET", "/numbers").respond(FakeResponse.ok("[\"7\"]"), FakeResponse.ok("[7]"),
                FakeResponse.ok("[7, 8]"));

        assertThat(outcome(FIRST_NUMBER)).as("declined").isEqualTo(-7L);
        assertThat(outcome(parser -> {
            throw new IllegalStateException("a reader's bug");
        })).as("thrown").isEqualTo(-7L);
        // read the first number and stopped: the body ends inside nothing, so the value stands
        assertThat(outcome(parser -> parser.nextToken() == JsonToken.START_ARRAY
                && parser.nextToken() == JsonToken.VALUE_NUMBER_INT ? parser.getLongValue() : null)).isEqualTo(7L);
        assertThat(treesRead).hasValue(2);
    }

    @Test
    void aBodyCutInsideTheValueTheReaderReadIsTheTreeRoutesError() {
        server.route("GET", "/numbers").respond(FakeResponse.ok("[7, 8"), FakeResponse.ok("[7, 8"));

        Object streamed = outcome(FIRST_NUMBER);
        Object treeRoute = treeOutcome();

        assertThat(streamed).isInstanceOf(ProtocolException.class);
        assertThat(((Throwable) streamed).getMessage()).isEqualTo(((Throwable) treeRoute).getMessage())
                .isEqualTo("could not read the answer to GET /numbers as JsonNode");
    }

    @Test
    void unreadableAndOversizedAnswersFailAsOnTheTreeRoute() {
        String oversized = "[" + "1,".repeat(40) + "1]";
        server.route("GET", "/numbers").respond(FakeResponse.ok("{not json"), FakeResponse.ok("{not json"),
                FakeResponse.ok(oversized), FakeResponse.ok(oversized), FakeResponse.ok("{}"));

        for (int i = 0; i < 2; i++) {
            Object streamed = outcome(FIRST_NUMBER);
            Object treeRoute = treeOutcome();
            assertThat(streamed).isInstanceOf(ProtocolException.class).hasSameClassAs(treeRoute);
            assertThat(((Throwable) streamed).getMessage()).isEqualTo(((Throwable) treeRoute).getMessage());
        }
        // a tree of the wrong shape fails with the tree reader's own error
        assertThat((Throwable) outcome(FIRST_NUMBER)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not an array");
    }

    @Test
    void theAnswersHeadersAreReadInAnyCaseWithEveryValue() {
        server.route("GET", "/numbers").respond(FakeResponse.ok("[1]").withHeader("X-Trace", "a")
                .withHeader("x-trace", "b").withHeader("Retry-After", "3"));

        RestResponse answer = client.exchange(RestRequest.get("/numbers").build()).block(WAIT);

        assertThat(answer.header("retry-after")).isEqualTo("3");
        assertThat(answer.header("X-TRACE")).isEqualTo("a");
        assertThat(answer.header("X-Missing")).isNull();
        assertThat(answer.headers().get("x-Trace")).containsExactly("a", "b");
        assertThat(answer.headers().get("RETRY-AFTER")).containsExactly("3");
        assertThat(answer.headers()).containsKey("content-type");
    }
}
