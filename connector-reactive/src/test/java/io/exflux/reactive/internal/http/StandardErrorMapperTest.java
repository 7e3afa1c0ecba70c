package io.exflux.reactive.internal.http;

import io.exflux.reactive.ClientResources;

import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.api.error.AuthenticationException;
import io.exflux.api.error.ExchangeException;
import io.exflux.api.error.InsufficientFundsException;
import io.exflux.api.error.InvalidRequestException;
import io.exflux.api.error.NotFoundException;
import io.exflux.api.error.PermissionDeniedException;
import io.exflux.api.error.RateLimitedException;
import io.exflux.testkit.server.FakeResponse;
import io.exflux.testkit.server.FakeVenueServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

/** A venue's error table on the standard mapper: rows in order, then the status. */
class StandardErrorMapperTest {

    private static final RestRequest GET_TRADES = RestRequest.get("/trades").build();
    private static final RestRequest POST_AUTH = RestRequest.post("/auth").build();

    private static ExchangeException map(StandardErrorMapper table, RestRequest request, int status, String body) {
        return table.toError(request, new RestResponse(status, Map.of(), body.getBytes(StandardCharsets.UTF_8)))
                .orElseThrow();
    }

    @Test
    void theFirstMatchingRowWinsAndTheStatusDecidesTheRest() {
        StandardErrorMapper table = StandardErrorMapper.forVenue("v")
                .on(answer -> answer.status() < 500 && answer.codeContains("funds"), InsufficientFundsException::new)
                .onMessage("funds", PermissionDeniedException::new);
        assertThat(map(table, GET_TRADES, 400, "{\"code\":\"NO_FUNDS\",\"message\":\"funds\"}"))
                .isExactlyInstanceOf(InsufficientFundsException.class)
                .hasMessage("v answered 400 to GET /trades: code NO_FUNDS, funds");
        assertThat(map(table, GET_TRADES, 400, "{\"code\":\"OTHER\",\"message\":\"no funds\"}"))
                .isExactlyInstanceOf(PermissionDeniedException.class);
        assertThat(map(table, GET_TRADES, 409, "{\"code\":\"OTHER\"}")).isExactlyInstanceOf(InvalidRequestException.class);
        assertThat(map(table, GET_TRADES, 302, "")).isExactlyInstanceOf(ExchangeException.class);
        assertThat(table.toError(GET_TRADES, new RestResponse(200, Map.of(), new byte[0]))).isEmpty();
    }

    @Test
    void aSuccessCodeFieldTurnsA200WithAFailingCodeIntoItsRowForTheNamedRequestsOnly() {
        RestRequest order = RestRequest.post("/order").build();
        StandardErrorMapper table = StandardErrorMapper.forVenue("v")
                .successCodeField("status", request -> request.path().equals("/order"))
                .onAnswer(answer -> answer.status() < 300 && "8".equals(answer.code()),
                        answer -> new InsufficientFundsException(answer.message(), answer.context()));
        assertThat(map(table, order, 200, "[{\"status\":8,\"message\":\"no money\"},{\"status\":2}]"))
                .isExactlyInstanceOf(InsufficientFundsException.class)
                .hasMessage("v answered 200 to POST /order with status 8, no money")
                .extracting(e -> e.httpStatus()).isEqualTo(200);
        assertThat(table.toError(order, new RestResponse(200, Map.of(), "{\"status\":2}".getBytes(StandardCharsets.UTF_8))))
                .as("a code no row takes stays a success").isEmpty();
        assertThat(table.toError(GET_TRADES, new RestResponse(200, Map.of(),
                "[{\"status\":8}]".getBytes(StandardCharsets.UTF_8)))).as("other requests are not read").isEmpty();
        assertThat(table.toError(order, new RestResponse(200, Map.of(), "not json".getBytes(StandardCharsets.UTF_8))))
                .isEmpty();
    }

    @Test
    void aStatusRowCanBeLimitedToOneRequest() {
        StandardErrorMapper table = StandardErrorMapper.forVenue("v")
                .onStatus(404, request -> request.path().equals("/auth"), AuthenticationException::new);
        assertThat(map(table, POST_AUTH, 404, "{\"code\":\"NOT_FOUND\"}")).isExactlyInstanceOf(AuthenticationException.class)
                .extracting(e -> e.httpStatus()).isEqualTo(404);
        assertThat(map(table, GET_TRADES, 404, "{\"code\":\"NOT_FOUND\"}")).isExactlyInstanceOf(NotFoundException.class);
    }

    @Test
    void detailFieldsAreQuotedAndANonJsonBodyStaysInTheContext() {
        StandardErrorMapper table = StandardErrorMapper.forVenue("v").detailFields("formErrors");
        assertThat(map(table, GET_TRADES, 400, "{\"formErrors\":{\"pair\":[\"required\"]}}"))
                .hasMessage("v answered 400 to GET /trades (formErrors: {\"pair\":[\"required\"]})");
        assertThat(map(table, GET_TRADES, 400, "<html>oops</html>").context().rawBody()).isEqualTo("<html>oops</html>");
    }

    @Test
    void aRetryAfterDateIsReadWithTheClientsClock() {
        Instant now = Instant.parse("2030-01-01T00:00:00Z");
        String in30s = DateTimeFormatter.RFC_1123_DATE_TIME.format(now.plusSeconds(30).atOffset(ZoneOffset.UTC));
        VirtualTimeScheduler clock = VirtualTimeScheduler.create();
        clock.advanceTimeTo(now);
        try (FakeVenueServer server = FakeVenueServer.start()) {
            server.route("GET", "/trades").respond(FakeResponse.tooManyRequests(in30s));
            RestClient client = RestClient.builder(RestOptions.builder().venue("v").baseUrl(server.baseUrl())
                            .resources(ClientResources.builder().scheduler(clock).build()).maxAttempts(1).build())
                    .errorMapper(StandardErrorMapper.forVenue("v"))
                    .build();
            try {
                StepVerifier.create(client.exchange(GET_TRADES))
                        .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(RateLimitedException.class,
                                limited -> assertThat(limited.retryAfter()).isEqualTo(Duration.ofSeconds(30))))
                        .verify(Duration.ofSeconds(10));
            } finally {
                client.disposeLater().block(Duration.ofSeconds(10));
                client.resources().shutdown().block(Duration.ofSeconds(10));
            }
        }
    }

    @Test
    void aRowCanBuildTheExceptionFromTheWholeAnswer() {
        StandardErrorMapper table = StandardErrorMapper.forVenue("v")
                .onAnswer(answer -> answer.codeContains("too_many"), StandardErrorMapper.Answer::rateLimited);
        assertThat(map(table, GET_TRADES, 400, "{\"code\":\"TOO_MANY_REQUESTS\"}"))
                .isExactlyInstanceOf(RateLimitedException.class);
        assertThat(List.of(table.toString())).allSatisfy(text -> assertThat(text).contains("1 rules"));
    }
}
