package io.exflux.reactive.venue.alp;

import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.reactive.venue.alp.internal.AlpBodies;
import io.exflux.reactive.internal.auth.HmacSigner;
import io.exflux.reactive.venue.alp.model.AlpCancelRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The two X-SIGN check values, computed with the shared signer the REST client uses:  protocols/alp-v3.md §3.2 item 4. */
class AlpSignatureTest {

    private static final byte[] SECRET = "SECRET".getBytes(StandardCharsets.UTF_8);

    @Test
    void pythonSeparatorsBody() {
        assertThat(HmacSigner.sha256(SECRET).signHex("{\"order_ids\": [1, 5, 8]}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("4d9f04113f23a101b6e91765b200d78e1c8fd1226bd4247e2ef05c5db52fc85e");
    }

    @Test
    void compactBodyAsWeSendIt() {
        byte[] body = AlpBodies.cancel(new AlpCancelRequest.ByIds(List.of(1L, 5L, 8L)));
        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo("{\"order_ids\":[1,5,8]}");
        assertThat(HmacSigner.sha256(SECRET).signHex(body))
                .isEqualTo("4ab034e3aff319ccb6bbb890f6bcb3354f1ae866010f101eab5403f49ca79d26");
    }
}
