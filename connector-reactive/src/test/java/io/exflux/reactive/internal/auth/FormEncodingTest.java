package io.exflux.reactive.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Expected strings are what CPython 3 prints for {@code urllib.parse.urlencode(...)}. */
class FormEncodingTest {

    @Test
    void spacesBecomePlusStarIsEncodedTildeIsKept() {
        assertThat(FormEncoding.quotePlus("a b*c~d")).isEqualTo("a+b%2Ac~d");
    }

    @Test
    void reservedAndNonAsciiCharactersArePercentEncodedInUpperCaseHex() {
        assertThat(FormEncoding.quotePlus("x=1&y/z:é!'()")).isEqualTo("x%3D1%26y%2Fz%3A%C3%A9%21%27%28%29");
    }

    @Test
    void unreservedCharactersPassThrough() {
        assertThat(FormEncoding.quotePlus("AZaz09_.-~")).isEqualTo("AZaz09_.-~");
    }

    @Test
    void sortsByNameBeforeEncoding() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("pair", "BTC_USD");
        params.put("amount", "1.5");
        params.put("note", "hello world");

        assertThat(FormEncoding.sortedUrlencode(params)).isEqualTo("amount=1.5&note=hello+world&pair=BTC_USD");
    }

    @Test
    void anEmptyMapEncodesToAnEmptyString() {
        assertThat(FormEncoding.sortedUrlencode(Map.of())).isEmpty();
    }
}
