package io.exflux.reactive.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What a venue may echo back, and what is left of it once the client's secrets are blanked out. */
class SecretRedactorTest {

    private static final String SECRET = "s3cr3t-CANARY-value";
    private static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjYW5hcnkifQ.c2lnbmF0dXJlLWNhbmFyeQ";

    private final SecretRedactor redactor = SecretRedactor.of(() -> List.of(SECRET));

    @Test
    void fieldsNamedLikeSecretsAreBlankedInJsonWhateverTheValue() {
        assertThat(SecretRedactor.fieldsOnly().redact(
                "{\"api_key\":\"KEY-1\",\"api_secret\":\"anything \\\"quoted\\\"\",\"Password\" : \"p\",\"token\":\"t\"}"))
                .isEqualTo("{\"api_key\":\"KEY-1\",\"api_secret\":\"[redacted]\",\"Password\" : \"[redacted]\","
                        + "\"token\":\"[redacted]\"}");
    }

    @Test
    void fieldsNamedLikeSecretsAreBlankedInJsonQuotedInsideAMessage() {
        assertThat(SecretRedactor.fieldsOnly().redact(
                "{\"message\":\"bad body {\\\"api_key\\\":\\\"K\\\",\\\"api_secret\\\":\\\"xyz\\\"}\"}"))
                .isEqualTo("{\"message\":\"bad body {\\\"api_key\\\":\\\"K\\\",\\\"api_secret\\\":\\\"[redacted]\\\"}\"}");
    }

    @Test
    void fieldsNamedLikeSecretsAreBlankedInFormText() {
        assertThat(SecretRedactor.fieldsOnly().redact("refused: api_key=K&api_secret=xyz&nonce=1 access_token=abc"))
                .isEqualTo("refused: api_key=K&api_secret=[redacted]&nonce=1 access_token=[redacted]");
    }

    @Test
    void theClientsOwnSecretIsBlankedWhereverItStands() {
        assertThat(redactor.redact("<html>you sent " + SECRET + " which is wrong</html>"))
                .isEqualTo("<html>you sent [redacted] which is wrong</html>");
        assertThat(redactor.redact("no secret here")).isEqualTo("no secret here");
        assertThat(redactor.redact(null)).isNull();
    }

    @Test
    void aRememberedTokenIsBlankedWholeOrByItsPayloadAndSignature() {
        redactor.remember(JWT);
        String payloadAndSignature = JWT.substring(JWT.indexOf('.') + 1);

        assertThat(redactor.redact("token " + JWT + " expired")).isEqualTo("token [redacted] expired");
        assertThat(redactor.redact("claims " + payloadAndSignature)).isEqualTo("claims [redacted]");
        assertThat(redactor.redact("sig " + JWT.substring(JWT.lastIndexOf('.') + 1))).isEqualTo("sig [redacted]");
    }

    @Test
    void onlyTheLastFewRememberedSecretsAreKeptAndTheSharedRedactorRemembersNothing() {
        for (int i = 0; i < 10; i++) {
            redactor.remember("token-number-" + i);
        }
        SecretRedactor.fieldsOnly().remember("shared-canary");

        assertThat(redactor.redact("token-number-9")).isEqualTo("[redacted]");
        assertThat(redactor.redact("token-number-0")).isEqualTo("token-number-0");
        assertThat(SecretRedactor.fieldsOnly().redact("shared-canary")).isEqualTo("shared-canary");
    }

    @Test
    void aHostileBodyOfLongNamesValuesAndEscapesIsReadWithoutBlowingTheStack() {
        String longValue = "\\\"".repeat(300_000);
        String escapedValue = "\\\\x".repeat(300_000);
        String longName = "a".repeat(1_000_000);

        assertThat(SecretRedactor.fieldsOnly().redact("{\"api_secret\":\"" + longValue + "\"}"))
                .isEqualTo("{\"api_secret\":\"[redacted]\"}");
        assertThat(SecretRedactor.fieldsOnly().redact("{\"m\":\"{\\\"token\\\":\\\"" + escapedValue
                + "\\\"}\"}")).isEqualTo("{\"m\":\"{\\\"token\\\":\\\"[redacted]\\\"}\"}");
        assertThat(redactor.redact(longName + "=1&" + longName)).hasSize(2 * longName.length() + 3);
        assertThat(redactor.redact("\"" + longName + "\":\"x\"")).endsWith(":\"x\"");
    }
}
