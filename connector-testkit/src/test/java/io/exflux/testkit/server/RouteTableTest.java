package io.exflux.testkit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** The route table and request parameters a simulated venue is built from, without a socket. */
class RouteTableTest {

    private static final ErrorReply ERRORS = (status, message) ->
            FakeResponse.json(status, "{\"status\":" + status + ",\"why\":\"" + message + "\"}");

    private static RecordedRequest request(String method, String uri, Map<String, List<String>> headers, String body) {
        int q = uri.indexOf('?');
        String path = q < 0 ? uri : uri.substring(0, q);
        Map<String, List<String>> query = new io.netty.handler.codec.http.QueryStringDecoder(uri).parameters();
        return new RecordedRequest(method, path, q < 0 ? "" : uri.substring(q + 1), query, headers,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8), Instant.EPOCH);
    }

    private static FakeResponse answer(RouteTable table, RecordedRequest request) {
        return table.answer(request).block();
    }

    private static String body(FakeResponse response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private final RouteTable table = new RouteTable("/api", ERRORS, List.of("application/json"))
            .get("/echo", p -> Mono.just(FakeResponse.ok("\"" + p.required("name") + "\"")))
            .post("/echo", p -> Mono.just(FakeResponse.ok(p.decimal("amount").toPlainString())))
            .get("/boom", p -> Mono.error(new IllegalStateException("bug")));

    @Test
    void aTemplateSegmentMatchesOneSegmentAndExactPathsWin() {
        RouteTable templated = new RouteTable("/api", ERRORS, List.of("application/json"))
                .get("/order/{pk}", p -> Mono.just(FakeResponse.ok("\"" + p.pathVariable("pk") + "\"")))
                .post("/order", p -> Mono.just(FakeResponse.ok("\"placed\"")))
                .get("/charts/{pair}/{type}/chart", p -> Mono.just(FakeResponse.ok(
                        "\"" + p.pathVariable("pair") + " " + p.pathVariable("type") + "\"")))
                .get("/order/own", p -> Mono.just(FakeResponse.ok("\"own\"")));
        assertThat(body(answer(templated, request("GET", "/api/order/42/", Map.of(), null)))).isEqualTo("\"42\"");
        assertThat(body(answer(templated, request("GET", "/api/order/own", Map.of(), null)))).isEqualTo("\"own\"");
        assertThat(body(answer(templated, request("GET", "/api/charts/BTC%5FUSD/60/chart", Map.of(), null))))
                .isEqualTo("\"BTC_USD 60\"");
        assertThat(answer(templated, request("GET", "/api/order", Map.of(), null)).statusCode()).isEqualTo(405);
        assertThat(answer(templated, request("GET", "/api/order/1/2", Map.of(), null)).statusCode()).isEqualTo(404);
        assertThat(answer(templated, request("GET", "/api/charts/BTC_USD/60/other", Map.of(), null)).statusCode())
                .isEqualTo(404);
    }

    @Test
    void bodyParametersAreTheFormsOrTheJsonObjectsFields() {
        Params form = Params.of(request("POST", "/api/x", Map.of("Content-Type",
                List.of("application/x-www-form-urlencoded")), "b=2&a=x+y"), ERRORS);
        assertThat(form.bodyParameters()).containsExactly(Map.entry("b", "2"), Map.entry("a", "x y"));
        Params json = Params.of(request("POST", "/api/x", Map.of(), "{\"amount\":1.0,\"pair\":\"BTC_USD\",\"n\":null,\"l\":[1]}"),
                ERRORS);
        assertThat(json.bodyParameters()).containsExactly(Map.entry("amount", "1.0"), Map.entry("pair", "BTC_USD"));
        assertThat(Params.of(request("GET", "/api/x", Map.of(), null), ERRORS).bodyParameters()).isEmpty();
    }

    @Test
    void unknownPathIs404WrongMethodIs405UnservableAcceptIs406() {
        assertThat(answer(table, request("GET", "/api/nope", Map.of(), null)).statusCode()).isEqualTo(404);
        assertThat(answer(table, request("GET", "/elsewhere", Map.of(), null)).statusCode()).isEqualTo(404);
        FakeResponse wrongMethod = answer(table, request("DELETE", "/api/echo", Map.of(), null));
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers()).contains(Map.entry("Allow", "GET, POST"));
        assertThat(body(wrongMethod)).isEqualTo("{\"status\":405,\"why\":\"method not allowed\"}");
        assertThat(answer(table, request("GET", "/api/echo?name=x", Map.of("Accept", List.of("text/html")), null))
                .statusCode()).isEqualTo(406);
        assertThat(answer(table, request("GET", "/api/echo?name=x", Map.of("Accept", List.of("application/json;q=0,text/*")),
                null)).statusCode()).isEqualTo(406);
        assertThat(answer(table, request("GET", "/api/echo/?name=x", Map.of("Accept", List.of("application/*")), null))
                .statusCode()).isEqualTo(200);
    }

    @Test
    void handlersGetTypedParamsAndRefusalsBecomeTheVenuesAnswer() {
        assertThat(body(answer(table, request("GET", "/api/echo?name=abc", Map.of(), null)))).isEqualTo("\"abc\"");
        FakeResponse missing = answer(table, request("GET", "/api/echo", Map.of(), null));
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(body(missing)).isEqualTo("{\"status\":400,\"why\":\"name is required\"}");
        assertThat(body(answer(table, request("POST", "/api/echo", Map.of(), "{\"amount\":\"1.50\"}")))).isEqualTo("1.50");
        assertThat(body(answer(table, request("POST", "/api/echo", Map.of(), "{\"amount\":0.1}")))).isEqualTo("0.1");
        assertThat(body(answer(table, request("POST", "/api/echo",
                Map.of("Content-Type", List.of("application/x-www-form-urlencoded")), "amount=2.5")))).isEqualTo("2.5");
        assertThat(answer(table, request("POST", "/api/echo", Map.of(), "{\"amount\":\"lots\"}")).statusCode())
                .isEqualTo(400);
        assertThat(body(answer(table, request("POST", "/api/echo", Map.of(), "{not json"))))
                .isEqualTo("{\"status\":400,\"why\":\"malformed JSON body\"}");
        assertThat(answer(table, request("GET", "/api/boom", Map.of(), null)).statusCode()).isEqualTo(500);
    }

    @Test
    void flagsTakeTheSpellingsClientsSend() {
        Params params = Params.of(request("GET", "/api/x?a=true&b=1&c=0&d=FALSE&e=yes", Map.of(), null), ERRORS);
        assertThat(params.flag("a")).isTrue();
        assertThat(params.flag("b")).isTrue();
        assertThat(params.flag("c")).isFalse();
        assertThat(params.flag("d")).isFalse();
        assertThat(params.flag("absent")).isFalse();
        assertThatThrownBy(() -> params.flag("e")).isInstanceOfSatisfying(RequestRefused.class,
                refused -> assertThat(refused.response().statusCode()).isEqualTo(400));
        Params json = Params.of(request("POST", "/api/x", Map.of(), "{\"post_only\":true,\"n\":1}"), ERRORS);
        assertThat(json.flag("post_only")).isTrue();
        assertThat(json.flag("n")).isTrue();
        assertThat(Params.of(request("GET", "/api/x?t=1700000000", Map.of(), null), ERRORS).instant("t"))
                .isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
        assertThat(Params.of(request("GET", "/api/x?t=2026-01-02T03:04:05", Map.of(), null), ERRORS).instant("t"))
                .isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
    }
}
