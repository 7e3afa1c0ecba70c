package io.exflux.testkit.v1;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The shape comparison the document tests rest on finds what differs, and only that. */
class JsonShapeTest {

    @Test
    void sameNamesTypesAndSecondsMatch() {
        assertThat(JsonShape.differences(V1Calls.json("[{\"a\":1.5,\"b\":\"x\",\"date\":1485686507.09,\"l\":[{\"c\":true}]}]"),
                V1Calls.json("[{\"b\":\"y\",\"a\":2,\"date\":1700000000,\"l\":[{\"c\":false}]},{}]"))).isEmpty();
    }

    @Test
    void aMissingOrExtraFieldAnotherTypeOrMillisecondsDiffer() {
        assertThat(JsonShape.differences(V1Calls.json("{\"a\":1,\"b\":2}"), V1Calls.json("{\"a\":1,\"c\":2}")))
                .singleElement().asString().contains("[a, b]").contains("[a, c]");
        assertThat(JsonShape.differences(V1Calls.json("{\"trades\":[{\"price\":\"936.00\"}]}"),
                V1Calls.json("{\"trades\":[{\"price\":936}]}"))).singleElement().asString()
                .startsWith("$.trades[0].price: the example has STRING");
        assertThat(JsonShape.differences(V1Calls.json("{\"timestamp\":1485777324.41}"),
                V1Calls.json("{\"timestamp\":1485777324410}"))).singleElement().asString().contains("not in seconds");
        assertThat(JsonShape.differences(V1Calls.json("[]"), V1Calls.json("{}"))).hasSize(1);
    }
}
