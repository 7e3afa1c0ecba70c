package io.exflux.testkit.v1;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares a JSON answer with a document's example by shape: the same field names at every level, the
 * same JSON type of every value (number, string, boolean, array, object), and times in the same unit
 * (a numeric field named {@code date}, {@code timestamp}, {@code time}, {@code created} or {@code epoch}
 * holds seconds, below 10^10, when the example's does, and milliseconds otherwise). Arrays compare their
 * first elements; an empty array on either side matches any array. Shared by the v1 and BTSE document tests.
 */
public final class JsonShape {

    private static final Set<String> TIMES = Set.of("date", "timestamp", "time", "created", "epoch");
    private static final java.math.BigDecimal SECONDS_BELOW = java.math.BigDecimal.valueOf(10_000_000_000L);

    private JsonShape() {
    }

    /** The differences, empty when the shapes match. */
    public static List<String> differences(JsonNode example, JsonNode actual) {
        List<String> out = new ArrayList<>();
        compare("$", example, actual, out);
        return out;
    }

    private static void compare(String path, JsonNode example, JsonNode actual, List<String> out) {
        if (example.getNodeType() != actual.getNodeType()) {
            out.add(path + ": the example has " + example.getNodeType() + ", the answer " + actual.getNodeType()
                    + " (" + actual + ")");
            return;
        }
        if (example.isArray()) {
            if (example.size() > 0 && actual.size() > 0) {
                compare(path + "[0]", example.get(0), actual.get(0), out);
            }
        } else if (example.isObject()) {
            Set<String> want = names(example);
            Set<String> got = names(actual);
            if (!want.equals(got)) {
                out.add(path + ": the example has fields " + want + ", the answer " + got);
            }
            for (String name : want) {
                if (got.contains(name)) {
                    compare(path + "." + name, example.get(name), actual.get(name), out);
                    if (TIMES.contains(name) && actual.get(name).isNumber() && example.get(name).isNumber()) {
                        boolean wantSeconds = example.get(name).decimalValue().compareTo(SECONDS_BELOW) < 0;
                        boolean gotSeconds = actual.get(name).decimalValue().compareTo(SECONDS_BELOW) < 0;
                        if (wantSeconds != gotSeconds) {
                            out.add(path + "." + name + ": not in " + (wantSeconds ? "seconds" : "milliseconds")
                                    + ": " + actual.get(name));
                        }
                    }
                }
            }
        }
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
