package io.exflux.reactive.venue.v1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.exflux.reactive.internal.codec.Json;
import io.exflux.reactive.venue.v1.internal.V1AnswerReaders;
import io.exflux.reactive.venue.v1.internal.V1Codec;
import io.exflux.reactive.venue.v1.model.V1Wallet;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The wallets answer read without a tree ({@link V1AnswerReaders#WALLETS}) against the tree route
 * ({@code V1Codec.list(tree, V1Codec::wallet)}): the documents' examples, then generated bodies, usual and not. Where
 * the streaming reader gives a list, it is exactly the tree's (every decimal with its scale); every usual body is
 * read that way; every other body is declined, so the tree route gives its value or its error as before.
 */
class V1WalletsReaderTest {

    private static final int BODIES = 20_000;

    /** The tree route's outcome: the records, or what failed. */
    private static Object treeRoute(byte[] body) {
        JsonNode tree;
        try {
            tree = Json.mapper().readValue(body, JsonNode.class);
        } catch (IOException unreadable) {
            return "unreadable";
        }
        try {
            return tree == null ? "unreadable" : V1Codec.list(tree, V1Codec::wallet);
        } catch (IllegalArgumentException | ArithmeticException unfit) {
            return "unfit: " + unfit.getMessage();
        }
    }

    @ParameterizedTest
    @EnumSource(V1Dialect.class)
    void theDocumentsExampleReadsAsTheTreeReadsIt(V1Dialect venue) {
        byte[] body = V1Examples.raw(venue, "wallets").getBytes(StandardCharsets.UTF_8);

        List<V1Wallet> streamed = V1AnswerReaders.WALLETS.readBody(body);

        assertThat(streamed).isNotNull().isEqualTo(treeRoute(body));
        assertThat(streamed.get(0).balance()).isEqualTo(BigDecimal.ZERO);
    }

    @Test
    void aFewBodiesByHand() {
        String usual = "[{\"currency\":\"USDT\",\"balance\":\"1520.50000000\",\"reserve\":20.5,\"extra\":[1,{}]}]";
        assertThat(V1AnswerReaders.WALLETS.readBody(usual.getBytes(StandardCharsets.UTF_8)))
                .containsExactly(new V1Wallet("USDT", new BigDecimal("1520.50000000"), new BigDecimal("20.5")));
        assertThat(V1AnswerReaders.WALLETS.readBody("[]".getBytes(StandardCharsets.UTF_8))).isEmpty();
        for (String declined : List.of("", "{}", "[1]", "[{\"currency\":\"BTC\",\"balance\":1}]",
                "[{\"currency\":\"BTC\",\"balance\":1,\"reserve\":null}]",
                "[{\"currency\":\"BTC\",\"currency\":\"ETH\",\"balance\":1,\"reserve\":2}]",
                "[{\"currency\":\"BTC\",\"balance\":1,\"reserve\":2,\"x\":1e999999999}]",
                "[{\"currency\":\"BTC\",\"balance\":1,\"reserve\":2,\"x\":[99999999999999999999]}]",
                "[{\"currency\":\"BTC\",\"balance\":99999999999999999999,\"reserve\":2}]",
                "[{\"currency\":\"BTC\",\"balance\":1,\"reserve\":2}")) {
            assertThat(V1AnswerReaders.WALLETS.readBody(declined.getBytes(StandardCharsets.UTF_8)))
                    .as(declined).isNull();
        }
    }

    @Test
    void generatedBodiesReadExactlyAsTheTreeReadsThemOrAreLeftToIt() {
        Random random = new Random(14);
        int read = 0;
        int declined = 0;
        for (int i = 0; i < BODIES; i++) {
            Body generated = new Body(random);
            String text = generated.text();
            byte[] body = text.getBytes(StandardCharsets.UTF_8);

            List<V1Wallet> streamed = V1AnswerReaders.WALLETS.readBody(body);

            if (streamed != null) {
                assertThat(treeRoute(body)).as(text).isEqualTo(streamed);
                read++;
            } else {
                assertThat(generated.usual).as("a usual body is read without a tree: " + text).isFalse();
                declined++;
            }
        }
        assertThat(read).isGreaterThan(BODIES / 4);
        assertThat(declined).isGreaterThan(BODIES / 4);
    }

    /** A generated wallets body; {@code usual} when every choice was one the streaming reader must read. */
    private static final class Body {

        private static final String[] USUAL_DECIMALS = {"0", "15", "0.00000000", "1520.50000000", "-0.1", "1E-8",
            "1.5e3", "2.50", "\"1520.50000000\"", "\" 12.5 \"", "\"1e3\"", "\"0\"", "\"-3.000\"",
            "1234567890123456789", "-9223372036854775808", "0.1000000000000000000000001",
            "\"123456789012345678901234567890\""};
        private static final String[] ODD_DECIMALS = {"null", "true", "\"\"", "\"abc\"", "1e999999999", "[1]", "{}",
            "\"1e999999999\"", "\"   \"", "123456789012345678901234567890"};
        private static final String[] USUAL_EXTRAS = {"\"note\":\"x\"", "\"n\":1.5", "\"deep\":{\"a\":[1,2.50,null]}",
            "\"flag\":false", "\"none\":null", "\"e\":[]"};
        private static final String[] ODD_EXTRAS = {"\"deep\":{\"a\":[1,{\"b\":1e999999999}]}", "\"n\":-1e999999999",
            "\"id\":123456789012345678901234567890", "\"ids\":[1,99999999999999999999]"};
        private static final String[] CURRENCIES = {"\"BTC\"", "\"USDT\"", "\"X\"", "\" ETH \"", "\"\\u00e9\""};
        private static final String[] ODD_CURRENCIES = {"\"\"", "5", "null", "{}", "[\"BTC\"]", "true"};

        private final Random random;
        boolean usual = true;

        Body(Random random) {
            this.random = random;
        }

        String text() {
            StringBuilder out = new StringBuilder("[");
            int wallets = random.nextInt(4);
            for (int w = 0; w < wallets; w++) {
                out.append(w == 0 ? "" : ",").append(space());
                if (odd(60)) {
                    out.append(pick(new String[] {"1", "null", "\"x\"", "[]"}));
                } else {
                    out.append(wallet());
                }
            }
            out.append(space()).append(']');
            String text = out.toString();
            if (odd(40)) {
                int cut = random.nextInt(text.length());
                return text.substring(0, cut); // cut short, or nothing at all
            }
            if (odd(40)) {
                return "{\"wallets\":" + text + "}";
            }
            return random.nextInt(10) == 0 ? text + pick(new String[] {"\n", " ", "  trailing", "]", "\r\n"}) : text;
        }

        private String wallet() {
            List<String> fields = new ArrayList<>();
            if (!odd(50)) {
                fields.add("\"currency\":" + (odd(30) ? pick(ODD_CURRENCIES) : pick(CURRENCIES)));
            }
            for (String name : new String[] {"balance", "reserve"}) {
                if (!odd(50)) {
                    fields.add("\"" + name + "\":" + (odd(20) ? pick(ODD_DECIMALS) : pick(USUAL_DECIMALS)));
                }
            }
            if (odd(40) && !fields.isEmpty()) {
                fields.add(fields.get(random.nextInt(fields.size()))); // a field given twice
            }
            int extras = random.nextInt(3);
            for (int e = 0; e < extras; e++) {
                fields.add(odd(30) ? pick(ODD_EXTRAS) : pick(USUAL_EXTRAS));
            }
            Collections.shuffle(fields, random);
            return "{" + space() + String.join("," + space(), fields) + space() + "}";
        }

        /** True one time in {@code inverse}, and then the body is no usual one. */
        private boolean odd(int inverse) {
            boolean odd = random.nextInt(inverse) == 0;
            usual &= !odd;
            return odd;
        }

        private String pick(String[] choices) {
            return choices[random.nextInt(choices.length)];
        }

        private String space() {
            return random.nextInt(4) == 0 ? " \n " : "";
        }
    }
}
