package io.exflux.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded v1 socket frames, as odd as the documents allow and then some: new orders with 0 to 3 trades and
 * cancels, as socket.io events ({@code 42["book_BTC_USD",{...}]}, now and then with an ack id, a namespace or
 * a second argument) or bare engine.io messages ({@code 4{...}} or {@code 4["name",{...}]}); numbers as JSON
 * numbers or strings with exponents, many digits or trailing zeros; times as integers, fractions, numeric or
 * ISO-8601 text; fields in any order, unknown fields, {@code null}s, absent optional fields; and, less often,
 * what the hot path must hand to the tree or refuse: payloads without {@code oid} or sent as a JSON string,
 * a field given twice, booleans as numbers, integers beyond a {@code long}, unreadable values, numbers with
 * absurd exponents or lengths. The same seed gives the same frames.
 */
public final class V1FrameGenerator {

    private static final String[] PAIRS = {"BTC_USD", "ETH_BTC", "LTC_USD"};
    private final SplittableRandom random;

    public V1FrameGenerator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** The next frame for a socket of the given flavour. */
    public String next(boolean socketIo) {
        String payload = payload();
        if (!socketIo) {
            String bare = random.nextInt(5) == 0 ? "[" + text(name()) + "," + payload + extraArgument() + "]"
                    : payload;
            return "4" + space(bare);
        }
        StringBuilder out = new StringBuilder("42");
        switch (random.nextInt(30)) {
            case 0 -> out.append("/,");
            case 1 -> out.append("/admin,");
            case 2 -> out.append(random.nextInt(1000));
            default -> {
            }
        }
        return out.append(space("[" + text(name()) + "," + payload + extraArgument() + "]")).toString();
    }

    /**
     * A frame as a live stream sends them, in the documents' shape, each event with its own time (seconds with
     * seven decimals, as the documents show), ids, price and amount: BTC-Alpha's bare engine.io cancel
     * ({@code 4{...}}) or bitexbit's socket.io new order with one trade ({@code 42["book_BTC_USD",{...}]}).
     */
    public String live(boolean cancel) {
        String date = (1_485_686_000L + random.nextInt(1_000_000)) + "."
                + String.format("%07d", random.nextInt(10_000_000));
        long oid = 15_000 + random.nextInt(10_000_000);
        String side = random.nextBoolean() ? "buy" : "sell";
        String price = (900 + random.nextInt(100)) + "." + (10 + random.nextInt(90));
        String amount = "0.0" + (1 + random.nextInt(999));
        if (cancel) {
            return "4{\"success\":true,\"date\":" + date + ",\"oid\":" + oid + ",\"type\":\"" + side
                    + "\",\"price\":" + price + ",\"amount\":" + amount + ",\"pair\":\"BTC_USD\",\"cancelled\":true}";
        }
        return "42[\"book_BTC_USD\",{\"success\":true,\"date\":" + date + ",\"oid\":" + oid + ",\"type\":\""
                + side + "\",\"price\":" + price + ",\"amount\":" + (random.nextBoolean() ? "0.0" : amount)
                + ",\"pair\":\"BTC_USD\",\"trades\":[{\"tid\":" + (14_000 + random.nextInt(10_000_000))
                + ",\"type\":\"" + (side.equals("buy") ? "sell" : "buy") + "\",\"price\":\"" + price + "0\",\"amount\":\""
                + amount + "\",\"o_id\":" + (oid - 1 - random.nextInt(1000)) + "}]}]";
    }

    private String name() {
        return switch (random.nextInt(6)) {
            case 0 -> "new_order";
            case 1 -> "subscribe.success";
            default -> "book_" + pair();
        };
    }

    private String extraArgument() {
        return random.nextInt(20) == 0 ? ",{\"pair\":\"" + pair() + "\"}" : "";
    }

    private String payload() {
        int kind = random.nextInt(40);
        if (kind == 0) {
            return "{\"success\":true,\"channel\":\"book_" + pair() + "\"}"; // no oid: skipped
        }
        if (kind == 1) {
            return "\"" + order(random.nextBoolean()).replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
        return order(random.nextInt(3) == 0);
    }

    /** A new order (with trades) or a cancel. */
    private String order(boolean cancel) {
        List<String> fields = new ArrayList<>();
        optional(fields, "success", random.nextInt(20) == 0 ? "1" : bool());
        fields.add("\"date\":" + (odd() ? "null" : time()));
        fields.add("\"oid\":" + whole());
        fields.add("\"type\":" + side());
        fields.add("\"price\":" + number());
        fields.add("\"amount\":" + number());
        if (random.nextInt(3) != 0) {
            fields.add("\"pair\":" + (random.nextInt(30) == 0 ? (random.nextBoolean() ? "null" : "\"\"")
                    : text(pair())));
        }
        if (cancel) {
            fields.add("\"cancelled\":" + (random.nextInt(20) == 0 ? "\"yes\"" : "true"));
            optional(fields, "cancel_order_id", whole());
            if (random.nextInt(10) == 0) {
                fields.add("\"trades\":" + trades());
            }
        } else {
            optional(fields, "cancelled", random.nextInt(10) == 0 ? "false" : "null");
            if (random.nextInt(8) != 0) {
                fields.add("\"trades\":" + (random.nextInt(20) == 0 ? "null" : trades()));
            }
        }
        if (random.nextInt(4) == 0) {
            fields.add("\"extra\":{\"a\":[1,2.50,{\"b\":null}],\"c\":\"x\\\"y\"}");
        }
        if (random.nextInt(40) == 0) {
            fields.add(fields.get(random.nextInt(fields.size()))); // a field twice
        }
        if (random.nextInt(100) == 0) {
            fields.add("\"absurd\":" + absurd());
        }
        shuffle(fields);
        return "{" + String.join(",", fields) + "}";
    }

    private String trades() {
        if (random.nextInt(40) == 0) {
            return random.nextBoolean() ? "{\"tid\":1}" : "[1]";
        }
        StringBuilder out = new StringBuilder("[");
        int count = random.nextInt(4);
        for (int i = 0; i < count; i++) {
            List<String> fields = new ArrayList<>();
            fields.add("\"tid\":" + whole());
            fields.add("\"type\":" + side());
            fields.add("\"price\":" + number());
            fields.add("\"amount\":" + number());
            fields.add("\"o_id\":" + whole());
            if (random.nextInt(6) == 0) {
                fields.add("\"note\":[\"x\",{\"y\":1.0}]");
            }
            if (random.nextInt(60) == 0) {
                fields.remove(random.nextInt(fields.size()));
            }
            shuffle(fields);
            out.append(i == 0 ? "" : ",").append('{').append(String.join(",", fields)).append('}');
        }
        return out.append(']').toString();
    }

    private void optional(List<String> fields, String name, String value) {
        switch (random.nextInt(4)) {
            case 0 -> {
            }
            case 1 -> fields.add("\"" + name + "\":null");
            default -> fields.add("\"" + name + "\":" + value);
        }
    }

    private String bool() {
        return random.nextBoolean() ? "true" : "false";
    }

    private String side() {
        return switch (random.nextInt(10)) {
            case 0 -> "\"SELL\"";
            case 1 -> "\" buy \"";
            case 2 -> "null";
            case 3 -> "7";
            case 4 -> "\"hold\"";
            default -> random.nextBoolean() ? "\"buy\"" : "\"sell\"";
        };
    }

    /** Rarely out of the ordinary. */
    private boolean odd() {
        return random.nextInt(100) == 0;
    }

    private String whole() {
        long value = random.nextLong(1L << 40);
        if (random.nextInt(300) == 0) {
            return switch (random.nextInt(4)) {
                case 0 -> "12345678901234567890123"; // beyond a long
                case 1 -> "1.5";
                case 2 -> "\"x1\"";
                default -> "null";
            };
        }
        return switch (random.nextInt(20)) {
            case 0 -> "\"" + value + "\"";
            case 1 -> value + ".0";
            default -> Long.toString(value);
        };
    }

    private String time() {
        long seconds = 1_400_000_000L + random.nextInt(400_000_000);
        return switch (random.nextInt(8)) {
            case 0 -> "\"" + seconds + "." + random.nextInt(1_000_000) + "\"";
            case 1 -> "\"" + java.time.Instant.ofEpochSecond(seconds) + "\"";
            case 2 -> Long.toString(seconds);
            case 3 -> seconds + "." + Math.abs(random.nextLong()) % 1_000_000_000_000L; // rounded to nanoseconds
            case 4 -> odd() ? "\"soon\"" : seconds + ".5";
            default -> seconds + "." + (1 + random.nextInt(9_999_999)); // the documents' shape
        };
    }

    /** A decimal, as a JSON number or a string, in one of many spellings; rarely unreadable or absurd. */
    private String number() {
        if (random.nextInt(400) == 0) {
            return random.nextBoolean() ? "\"abc\"" : absurd();
        }
        String plain = switch (random.nextInt(9)) {
            case 0 -> Integer.toString(random.nextInt(100_000));
            case 1 -> random.nextInt(100) + "." + random.nextInt(1000) + "00"; // trailing zeros
            case 2 -> random.nextInt(1000) + "e" + (random.nextInt(9) - 4); // exponent
            case 3 -> "1." + random.nextInt(1000) + "E+" + random.nextInt(5);
            case 4 -> digits(10 + random.nextInt(15)) + "." + digits(1 + random.nextInt(20)); // many digits
            case 5 -> "0.0";
            case 6 -> "0." + digits(8);
            default -> random.nextInt(100_000) + "." + digits(1 + random.nextInt(8));
        };
        return random.nextBoolean() ? plain : "\"" + plain + "\"";
    }

    /** A number no reader may use: a huge exponent, or more digits than any parser here reads. */
    private String absurd() {
        return switch (random.nextInt(4)) {
            case 0 -> "1e99999999";
            case 1 -> "\"1e-99999999\"";
            case 2 -> "1" + "0".repeat(120) + ".5";
            default -> "2.5e-999999999";
        };
    }

    private String digits(int count) {
        StringBuilder out = new StringBuilder(count);
        out.append((char) ('1' + random.nextInt(9)));
        for (int i = 1; i < count; i++) {
            out.append((char) ('0' + random.nextInt(10)));
        }
        return out.toString();
    }

    private String pair() {
        return PAIRS[random.nextInt(PAIRS.length)];
    }

    /** A JSON string, now and then with escapes that read back to the same text. */
    private String text(String value) {
        if (random.nextInt(8) != 0) {
            return "\"" + value + "\"";
        }
        StringBuilder out = new StringBuilder("\"");
        for (char ch : value.toCharArray()) {
            if (random.nextInt(3) == 0) {
                String hex = Integer.toHexString(ch);
                out.append("\\u").append("0000", hex.length(), 4).append(hex);
            } else {
                out.append(ch);
            }
        }
        return out.append('"').toString();
    }

    private void shuffle(List<String> fields) {
        for (int i = fields.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            String swap = fields.get(i);
            fields.set(i, fields.get(j));
            fields.set(j, swap);
        }
    }

    private String space(String json) {
        return random.nextInt(10) == 0 ? json.replace(",\"", " ,\n \"") + " " : json;
    }
}
