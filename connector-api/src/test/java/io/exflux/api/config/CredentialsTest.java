package io.exflux.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CredentialsTest {

    private static final String CANARY = "canary-secret-7f3a9";

    @Test
    void toStringShowsNoSecretAndOnlyTheStartOfTheKey() {
        Credentials credentials = Credentials.of("AKEY-123456", CANARY);
        assertThat(credentials.toString()).doesNotContain(CANARY).doesNotContain("123456").contains("AKEY****");
    }

    @Test
    void secretBytesAreACopy() {
        Credentials credentials = Credentials.of("key", CANARY);
        byte[] copy = credentials.secretBytes();
        copy[0] = 'X';
        assertThat(new String(credentials.secretBytes(), StandardCharsets.UTF_8)).isEqualTo(CANARY);
    }

    @Test
    void missingPartsAreNamedWithoutTheirValues() {
        assertThatThrownBy(() -> Credentials.of("key", " ")).hasMessage("API secret is missing");
        assertThatThrownBy(() -> Credentials.of(null, CANARY)).hasMessage("API key is missing");
    }
}
