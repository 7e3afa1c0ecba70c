package io.exflux.reactive.internal.engineio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The fallback routing order, with the v1 platform's key and prefix: event name, then pair, then the only book channel. */
class ChannelRouterTest {

    private final ChannelRouter router = ChannelRouter.byNameThenKeyThenOnlyPrefix("pair", "book_");

    private static JsonNode pair(String pair) {
        return JsonNodeFactory.instance.objectNode().put("pair", pair);
    }

    @Test
    void anEventNamedLikeAChannelGoesThere() {
        assertThat(router.route("book_ETH_BTC", List.of(pair("BTC_USD")), Set.of("book_BTC_USD", "book_ETH_BTC")))
                .contains("book_ETH_BTC");
    }

    @Test
    void elseThePayloadsPairPicksTheChannel() {
        assertThat(router.route("depth", List.of(pair("ETH_BTC")), Set.of("book_BTC_USD", "book_ETH_BTC")))
                .contains("book_ETH_BTC");
        assertThat(router.route("depth.diff", List.of(pair("BTC_USD")), Set.of("diff.BTC_USD", "diff.ETH_BTC")))
                .contains("diff.BTC_USD");
    }

    @Test
    void aPayloadSentAsAJsonStringIsReadForItsPairToo() {
        assertThat(router.route("depth", List.of(TextNode.valueOf("{\"pair\":\"ETH_BTC\"}")), Set.of("book_BTC_USD", "book_ETH_BTC")))
                .contains("book_ETH_BTC");
        assertThat(router.route("depth", List.of(TextNode.valueOf("{not json")), Set.of("book_BTC_USD", "book_ETH_BTC")))
                .isEmpty();
    }

    @Test
    void elseTheOnlyBookChannelOfTheConnection() {
        assertThat(router.route("depth", List.of(TextNode.valueOf("no pair")), Set.of("book_BTC_USD", "trades")))
                .contains("book_BTC_USD");
        assertThat(router.route(null, List.of(pair("XRP_USD")), Set.of("book_BTC_USD"))).contains("book_BTC_USD");
    }

    @Test
    void nothingWhenItCannotTell() {
        assertThat(router.route("depth", List.of(), Set.of("book_BTC_USD", "book_ETH_BTC"))).isEmpty();
        assertThat(router.route("subscribe.success", List.of(TextNode.valueOf("x")), Set.of())).isEmpty();
    }

    @Test
    void theRoutingValueOfAStreamedEventPicksTheSameChannelAsItsPayload() {
        Set<String> two = Set.of("book_BTC_USD", "book_ETH_BTC");
        assertThat(router.channel("book_ETH_BTC", "BTC_USD", two)).isEqualTo("book_ETH_BTC");
        assertThat(router.channel("depth", "ETH_BTC", two)).isEqualTo("book_ETH_BTC");
        assertThat(router.channel("depth.diff", "BTC_USD", Set.of("diff.BTC_USD", "diff.ETH_BTC"))).isEqualTo("diff.BTC_USD");
        Set<String> odd = Set.of("bookBTC_USD", "book_ETH_BTC");
        assertThat(router.channel("depth", "BTC_USD", odd)).as("a suffix without its separator names nothing")
                .isEqualTo("book_ETH_BTC").isEqualTo(router.route("depth", List.of(pair("BTC_USD")), odd).orElseThrow());
        assertThat(router.channel(null, null, Set.of("book_BTC_USD", "trades"))).isEqualTo("book_BTC_USD");
        assertThat(router.channel(null, "XRP_USD", Set.of("book_BTC_USD"))).isEqualTo("book_BTC_USD");
        assertThat(router.channel("depth", null, two)).isNull();
    }
}
