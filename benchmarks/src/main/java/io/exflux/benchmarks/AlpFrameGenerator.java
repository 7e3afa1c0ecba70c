package io.exflux.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded ALP market-data frames ({@code t}, {@code d}, {@code p}, {@code tk}), valid but as odd as the document
 * allows: numbers as JSON numbers or strings, with exponents, many digits or trailing zeros; times as integers,
 * fractions, numeric text or ISO-8601 text; escaped strings; depth fields in any order; unknown fields and extra
 * elements; {@code null} where a value may be absent; whitespace. The same seed gives the same frames.
 */
public final class AlpFrameGenerator {

    private static final String[] PAIRS = {"BTC_USDT", "ETH_USDT", "ALP_BTC", "LTC_USDT"};
    private final SplittableRandom random;

    public AlpFrameGenerator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** The next frame, of a type picked at random; a third of them trades and diffs spelled the venue's plain way. */
    public String next() {
        return switch (random.nextInt(6)) {
            case 0 -> trade();
            case 1 -> diff(1 + random.nextInt(3), 1 + random.nextInt(3));
            case 2 -> depth(1 + random.nextInt(20));
            case 3 -> tickers(1 + random.nextInt(5));
            case 4 -> plainTrade();
            default -> plainDiff(random.nextInt(4), random.nextInt(4));
        };
    }

    /**
     * A trade as the venue sends it: whole seconds and id as JSON integers, plain strings, and numbers of every plain
     * spelling (JSON numbers or strings, signs, negative zero, trailing zeros, leading zeros in strings, 17 and 18
     * digits); now and then whitespace between the tokens.
     */
    public String plainTrade() {
        String frame = "[\"t\"," + (1_600_000_000L + random.nextInt(200_000_000)) + ","
                + (random.nextInt(20) == 0 ? 0 : random.nextLong(1L << 40)) + ",\"" + pair() + "\"," + plainNumber()
                + "," + plainNumber() + ",\"" + (random.nextBoolean() ? "buy" : "sell") + "\"]";
        return spaced(frame);
    }

    /** A diff as the venue sends it, with the given numbers of levels (a side of none is {@code []} or null). */
    public String plainDiff(int asks, int bids) {
        StringBuilder out = new StringBuilder("[\"d\",").append(1_600_000_000L + random.nextInt(200_000_000))
                .append(",\"").append(pair()).append("\",[");
        plainLevels(out, asks);
        out.append(',');
        plainLevels(out, bids);
        return spaced(out.append("]]").toString());
    }

    private void plainLevels(StringBuilder out, int count) {
        if (count == 0 && random.nextBoolean()) {
            out.append("null");
            return;
        }
        out.append('[');
        for (int i = 0; i < count; i++) {
            out.append(i == 0 ? "[" : ",[").append(plainNumber()).append(',').append(plainNumber()).append(']');
        }
        out.append(']');
    }

    /** A number without exponent, as a JSON number or a string; leading zeros only in strings (JSON refuses them). */
    private String plainNumber() {
        boolean quoted = random.nextBoolean();
        String digits = switch (random.nextInt(9)) {
            case 0 -> Integer.toString(random.nextInt(100_000));
            case 1 -> "0";
            case 2 -> "0.0";
            case 3 -> random.nextInt(100) + "." + random.nextInt(1000) + "00"; // trailing zeros
            case 4 -> "0.000" + digits(1 + random.nextInt(6));
            case 5 -> digits(17 - 8) + "." + digits(8); // 17 digits: the most that pack
            case 6 -> digits(10) + "." + digits(8); // 18 digits: left to the full reader
            case 7 -> quoted ? "00" + random.nextInt(100) + "." + random.nextInt(100) : "7.5";
            default -> random.nextInt(100_000) + "." + digits(1 + random.nextInt(8));
        };
        String number = random.nextInt(6) == 0 ? "-" + digits : digits;
        return quoted ? "\"" + number + "\"" : number;
    }

    /** JSON whitespace now and then around the brackets and commas (the frames hold no such character in a string). */
    private String spaced(String frame) {
        if (random.nextInt(4) != 0) {
            return frame;
        }
        String[] blanks = {" ", "\n", "\r\n", "\t", "  "};
        StringBuilder out = new StringBuilder(frame.length() + 16);
        for (char ch : frame.toCharArray()) {
            boolean structural = ch == '[' || ch == ']' || ch == ',';
            if (structural && random.nextInt(3) == 0) {
                out.append(blanks[random.nextInt(blanks.length)]);
            }
            out.append(ch);
            if (structural && random.nextInt(3) == 0) {
                out.append(blanks[random.nextInt(blanks.length)]);
            }
        }
        return out.toString();
    }

    /** {@code ["t", time, id, pair, amount, price, direction]}. */
    public String trade() {
        StringBuilder out = new StringBuilder("[\"t\",").append(time()).append(',');
        out.append(random.nextBoolean() ? Long.toString(random.nextLong(1L << 40))
                : "\"" + random.nextLong(1L << 40) + "\"").append(',');
        out.append(text(pair())).append(',').append(number()).append(',').append(number()).append(',');
        out.append(text(random.nextBoolean() ? "buy" : "sell"));
        extras(out);
        return space(out.append(']').toString());
    }

    /** {@code ["d", time, symbol, [asks, bids]]} with the given numbers of levels. */
    public String diff(int asks, int bids) {
        StringBuilder out = new StringBuilder("[\"d\",").append(time()).append(',').append(text(pair()))
                .append(",[");
        levels(out, asks, true);
        out.append(',');
        levels(out, bids, true);
        out.append(']');
        extras(out);
        return space(out.append(']').toString());
    }

    /** {@code ["p", time, {...}]} with the given number of levels a side. */
    public String depth(int levels) {
        List<String> fields = new ArrayList<>();
        fields.add("\"Symbol\":" + text(pair()));
        StringBuilder asks = new StringBuilder();
        levels(asks, levels, false);
        StringBuilder bids = new StringBuilder();
        levels(bids, levels, false);
        fields.add("\"Asks\":" + asks);
        fields.add("\"Bids\":" + bids);
        if (random.nextInt(4) != 0) {
            fields.add("\"TotalAsks\":" + (random.nextInt(5) == 0 ? "null" : number()));
        }
        if (random.nextInt(4) != 0) {
            fields.add("\"TotalBids\":" + (random.nextInt(5) == 0 ? "\"\"" : number()));
        }
        if (random.nextInt(3) == 0) {
            fields.add("\"Extra\":{\"a\":[1,{\"b\":null}],\"c\":\"x\"}");
        }
        for (int i = fields.size() - 1; i > 0; i--) { // any order
            int j = random.nextInt(i + 1);
            String swap = fields.get(i);
            fields.set(i, fields.get(j));
            fields.set(j, swap);
        }
        StringBuilder out = new StringBuilder("[\"p\",").append(time()).append(",{")
                .append(String.join(",", fields)).append('}');
        extras(out);
        return space(out.append(']').toString());
    }

    /** {@code ["tk", time, row...]}; now and then a short row, which both readers skip. */
    public String tickers(int rows) {
        StringBuilder out = new StringBuilder("[\"tk\",").append(time());
        for (int r = 0; r < rows; r++) {
            int size = random.nextInt(10) == 0 ? random.nextInt(9) : 9 + (random.nextInt(5) == 0 ? 1 : 0);
            out.append(",[").append(text(pair()));
            for (int i = 1; i < size; i++) {
                out.append(',').append(number());
            }
            out.append(']');
        }
        return space(out.append(']').toString());
    }

    private void levels(StringBuilder out, int count, boolean nullable) {
        if (nullable && random.nextInt(10) == 0) {
            out.append("null");
            return;
        }
        out.append('[');
        for (int i = 0; i < count; i++) {
            out.append(i == 0 ? "" : ",").append('[').append(number()).append(',').append(number());
            if (random.nextInt(10) == 0) {
                out.append(",\"extra\",[1]");
            }
            out.append(']');
        }
        out.append(']');
    }

    private String time() {
        long seconds = 1_600_000_000L + random.nextInt(200_000_000);
        return switch (random.nextInt(6)) {
            case 0 -> seconds + "." + random.nextInt(1_000_000);
            case 1 -> "\"" + seconds + "\"";
            case 2 -> "\"" + java.time.Instant.ofEpochSecond(seconds) + "\"";
            case 3 -> seconds + "." + Math.abs(random.nextLong()) % 1_000_000_000_000L; // rounded to nanoseconds
            default -> Long.toString(seconds);
        };
    }

    /** A positive or zero decimal, as a JSON number or a string, in one of many spellings. */
    private String number() {
        String plain = switch (random.nextInt(8)) {
            case 0 -> Integer.toString(random.nextInt(100_000));
            case 1 -> random.nextInt(100) + "." + random.nextInt(1000) + "00"; // trailing zeros
            case 2 -> random.nextInt(1000) + "e" + (random.nextInt(9) - 4); // exponent
            case 3 -> "1." + random.nextInt(1000) + "E+" + random.nextInt(5);
            case 4 -> digits(20 + random.nextInt(15)) + "." + digits(1 + random.nextInt(20)); // many digits
            case 5 -> "0." + digits(8);
            default -> random.nextInt(100_000) + "." + digits(1 + random.nextInt(8));
        };
        return random.nextBoolean() ? plain : "\"" + plain + "\"";
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

    private void extras(StringBuilder out) {
        if (random.nextInt(8) == 0) {
            out.append(",null,{\"unknown\":[1,2,{\"x\":\"\\\"\"}]},\"caf\\u00e9 \u00e9t\u00e9\"");
        }
    }

    private String space(String frame) {
        return random.nextInt(10) == 0 ? " \n" + frame.replace(",", " , ") + "\t" : frame;
    }
}
