package io.exflux.reactive.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every check value of the protocols folder. */
class HmacSignerTest {

    private static final String BTSE_SECRET = "848db84ac252b6726e5f6e7a711d9c96d9fd77d020151b45839a5b59c37203bx";

    @Test
    void btseWalletGet() {
        assertThat(HmacSigner.sha384(BTSE_SECRET).signHex("/api/v3.2/user/wallet1624984297330")).isEqualTo(
                "14b986706a4368221e0af14a6725377161805e7a57d568220478cb3590ce532d4fad4ac68e6c02a14afced6a0619bfd3");
    }

    @Test
    void btseOrderPostSignsPathNonceAndExactBody() {
        String body = "{\"postOnly\":false,\"price\":8500.0,\"side\":\"BUY\",\"size\":0.002,\"stopPrice\":0.0,"
                + "\"symbol\":\"BTC-USD\",\"time_in_force\":\"GTC\",\"trailValue\":0.0,\"triggerPrice\":0.0,"
                + "\"txType\":\"LIMIT\",\"type\":\"LIMIT\"}";
        String expected =
                "e9cd0babdf497b536d1e48bc9cf1fadad3426b36406b5747d77ae4e3cdc9ab556863f2d0cf78e0228c39a064ad43afb7";
        HmacSigner signer = HmacSigner.sha384(BTSE_SECRET);

        assertThat(signer.signHex("/api/v3.2/order1624985375123" + body)).isEqualTo(expected);
        assertThat(signer.signHex(bytes("/api/v3.2/order"), bytes("1624985375123"), bytes(body)))
                .as("signing the parts equals signing their concatenation").isEqualTo(expected);
    }

    @Test
    void btseWebsocketLogin() {
        assertThat(HmacSigner.sha384(BTSE_SECRET).signHex("/ws/spot1624985375123")).isEqualTo(
                "c410d38c681579adb335885800cff24c66171b7cc8376cfe43da1408c581748156b89bcc5a115bb496413bda481139fb");
    }

    @Test
    void v1PlaceOrderSignsKeyPlusSortedUrlencodedBody() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("type", "buy");
        params.put("pair", "BTC_USD");
        params.put("price", "870.69");
        params.put("amount", "1.0");
        String body = FormEncoding.sortedUrlencode(params);

        assertThat(body).isEqualTo("amount=1.0&pair=BTC_USD&price=870.69&type=buy");
        assertThat(HmacSigner.sha256("SECRET").signHex("KEY" + body))
                .isEqualTo("79e66cef4da7752544b7b078f60e884a5e754649bc3122b475705f2b11623c41");
    }

    @Test
    void v1CancelOrder() {
        String body = FormEncoding.sortedUrlencode(Map.of("order", "63568"));

        assertThat(HmacSigner.sha256("SECRET").signHex("KEY" + body))
                .isEqualTo("5bb8b6d6422529e1b17c6f23255cff8469be1ff0bd175ad8c2d0818c1a5155a2");
    }

    @Test
    void v1GetSignsTheKeyOnly() {
        assertThat(HmacSigner.sha256("SECRET").signHex("KEY"))
                .isEqualTo("34d70abd5a877bae7798ca9719003a7afc2c5ff0bfb7100431c282afeca9bc8e");
    }

    @Test
    void alpSignsTheExactBodyBytesWithPythonSeparators() {
        assertThat(HmacSigner.sha256("SECRET").signHex("{\"order_ids\": [1, 5, 8]}"))
                .isEqualTo("4d9f04113f23a101b6e91765b200d78e1c8fd1226bd4247e2ef05c5db52fc85e");
    }

    @Test
    void alpSignsTheExactBodyBytesCompact() {
        assertThat(HmacSigner.sha256("SECRET").signHex("{\"order_ids\":[1,5,8]}"))
                .isEqualTo("4ab034e3aff319ccb6bbb890f6bcb3354f1ae866010f101eab5403f49ca79d26");
    }

    @Test
    void signingTheSameMessageTwiceGivesTheSameSignature() {
        HmacSigner signer = HmacSigner.sha256("SECRET");

        assertThat(signer.signHex("KEY")).isEqualTo(signer.signHex("KEY"));
    }

    @Test
    void toStringNamesTheAlgorithmButNotTheSecret() {
        assertThat(HmacSigner.sha384(BTSE_SECRET).toString()).isEqualTo("HmacSigner[HMAC-SHA384]")
                .doesNotContain(BTSE_SECRET);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
