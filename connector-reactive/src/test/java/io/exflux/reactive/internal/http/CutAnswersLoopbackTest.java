package io.exflux.reactive.internal.http;

import static io.exflux.reactive.internal.http.RawHttpServer.ascii;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.exflux.api.error.ExchangeException;
import io.exflux.api.error.ExchangeUnavailableException;
import io.exflux.reactive.config.Backoff;
import io.exflux.reactive.testsupport.FailOnNettyLeaks;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;

/**
 * Answers cut short by a lost connection (in the head, in a body with a length, in a body the close was to end) are a
 * transport failure, not an unreadable answer: a GET is sent again and gets the whole answer, a POST is not sent
 * again and fails as "the venue may have processed it". The server cuts only the first answer.
 */
@ExtendWith(FailOnNettyLeaks.class)
class CutAnswersLoopbackTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String BODY = "[{\"price\":\"1.5\",\"amount\":\"2\"},{\"price\":\"1.6\",\"amount\":\"3\"}]";

    private RestClient client;

    @AfterEach
    void dispose() {
        if (client != null) {
            client.disposeLater().block(WAIT);
        }
    }

    /** Writes what the first connection gets, then closes; every later connection gets the whole answer. */
    private static RawHttpServer cutOnce(AtomicInteger answers, String firstAnswer) throws IOException {
        return RawHttpServer.start(out -> {
            if (answers.getAndIncrement() == 0) {
                write(out, firstAnswer);
            } else {
                write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + BODY.length()
                        + "\r\n\r\n" + BODY);
            }
        });
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(ascii(text));
        out.flush();
    }

    private RestClient client(String baseUrl) {
        client = RestClient.builder(RestOptions.builder().venue("fake").baseUrl(baseUrl).maxAttempts(3)
                .backoff(Backoff.exponential(Duration.ofMillis(1), Duration.ofMillis(5))).build()).build();
        return client;
    }

    private void assertRetriedToTheWholeAnswer(String firstAnswer) throws IOException {
        AtomicInteger answers = new AtomicInteger();
        try (RawHttpServer server = cutOnce(answers, firstAnswer)) {
            JsonNode trades = client(server.baseUrl()).retrieveTree(RestRequest.get("/trades").build()).block(WAIT);

            assertThat(trades).hasSize(2);
            assertThat(trades.get(1).get("price").asText()).isEqualTo("1.6");
            assertThat(answers).as("the cut answer, then the whole one").hasValue(2);
        }
    }

    @Test
    void aGetWhoseBodyIsCutShortOfItsLengthIsSentAgain() throws IOException {
        assertRetriedToTheWholeAnswer("HTTP/1.1 200 OK\r\nContent-Length: " + BODY.length() + "\r\n\r\n"
                + BODY.substring(0, 20));
    }

    @Test
    void aGetWhoseHeadIsCutShortIsSentAgain() throws IOException {
        assertRetriedToTheWholeAnswer("HTTP/1.1 200 OK\r\nContent-Le");
    }

    @Test
    void aGetWhoseBodyTheCloseEndedInsideItsJsonIsSentAgain() throws IOException {
        assertRetriedToTheWholeAnswer("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n" + BODY.substring(0, 35));
    }

    @Test
    void aBodyTheCloseEndsWholeIsTheAnswer() throws IOException {
        AtomicInteger answers = new AtomicInteger();
        try (RawHttpServer server = RawHttpServer.start(out -> {
            answers.incrementAndGet();
            write(out, "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n" + BODY + "\n");
        })) {
            JsonNode trades = client(server.baseUrl()).retrieveTree(RestRequest.get("/trades").build()).block(WAIT);

            assertThat(trades).hasSize(2);
            assertThat(answers).hasValue(1);
        }
    }

    @Test
    void aPostWhoseAnswerIsCutIsNotSentAgainAndMayHaveBeenProcessed() throws IOException {
        AtomicInteger answers = new AtomicInteger();
        try (RawHttpServer server = cutOnce(answers, "HTTP/1.1 200 OK\r\nContent-Length: 40\r\n\r\n{\"orderID\":\"o-")) {
            Throwable error = client(server.baseUrl()).exchange(RestRequest.post("/order").jsonBody("{\"size\":1}").build())
                    .then(Mono.<Throwable>empty()).onErrorResume(Mono::just).block(WAIT);

            assertThat(error).isInstanceOf(ExchangeUnavailableException.class)
                    .hasMessageContaining("connection lost during POST /order")
                    .hasMessageContaining("the venue may have processed it");
            assertThat(((ExchangeException) error).isTransient()).isTrue();
            assertThat(RestClient.mayHaveBeenProcessed(error)).isTrue();
            assertThat(answers).as("never sent twice").hasValue(1);
        }
    }

    @Test
    void wholeJsonTellsAnOpenValueFromAClosedOne() {
        assertThat(WholeJson.isWhole(ascii(" {\"a\":[1,{\"b\":\"}]\\\"\"}]}"))).isTrue();
        assertThat(WholeJson.isWhole(ascii("{\"a\":[1,{\"b\":\"}]\\\"\"}]"))).isFalse();
        assertThat(WholeJson.isWhole(ascii("\"text"))).isFalse();
        assertThat(WholeJson.isWhole(ascii("12"))).isTrue();
        assertThat(WholeJson.isWhole(ascii(""))).isTrue();
        assertThat(WholeJson.isWhole(ascii("<html>bad gateway"))).isTrue();
    }
}
