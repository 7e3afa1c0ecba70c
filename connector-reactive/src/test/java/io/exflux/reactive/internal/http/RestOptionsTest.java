package io.exflux.reactive.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class RestOptionsTest {

    private static RestOptions.Builder withBaseUrl(String baseUrl) {
        return RestOptions.builder().venue("fake").baseUrl(baseUrl);
    }

    @Test
    void aBaseUrlKeepsItsMountPathWithoutTheTrailingSlash() {
        assertThat(withBaseUrl("https://api.example.com/spot/").build().baseUrl())
                .isEqualTo("https://api.example.com/spot");
        assertThat(withBaseUrl("http://127.0.0.1:9").build().baseUrl()).isEqualTo("http://127.0.0.1:9");
    }

    @Test
    void aBaseUrlThatIsNotAnHttpUrlWithAHostIsRefused() {
        for (String bad : new String[] {null, "ftp://example.com", "http://", "http:///path", "example.com",
                "http://example.com/?key=1", "http://exa mple.com"}) {
            assertThatIllegalArgumentException().as(String.valueOf(bad))
                    .isThrownBy(() -> withBaseUrl(bad).build())
                    .withMessageStartingWith("baseUrl ");
        }
    }

    @Test
    void aPasswordInTheBaseUrlIsRefusedWithoutShowingIt() {
        for (String secretUrl : new String[] {"https://user:CANARY-pw@api.example.com",
                "https://user:CANARY-pw@api.exa mple.com"}) {
            assertThatIllegalArgumentException().isThrownBy(() -> withBaseUrl(secretUrl).build())
                    .withMessageNotContaining("CANARY-pw");
        }
    }
}
