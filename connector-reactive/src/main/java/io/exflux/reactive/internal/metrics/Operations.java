package io.exflux.reactive.internal.metrics;

/** The operation tag of a REST call: its method and path, with the ids in the path blanked (a tag must stay few). */
public final class Operations {

    private Operations() {
    }

    /** {@code GET /v1/order/{id}/} for {@code GET /v1/order/123/}; a version segment ({@code v3}) stays. */
    public static String of(String method, String path) {
        StringBuilder shown = new StringBuilder(method.length() + path.length() + 1).append(method).append(' ');
        int start = 0;
        while (start <= path.length()) {
            int end = path.indexOf('/', start);
            if (end < 0) {
                end = path.length();
            }
            String segment = path.substring(start, end);
            shown.append(isId(segment) ? "{id}" : segment);
            if (end < path.length()) {
                shown.append('/');
            }
            start = end + 1;
        }
        return shown.toString();
    }

    /** A segment holding a digit, other than a version like {@code v3}. */
    private static boolean isId(String segment) {
        boolean digit = segment.chars().anyMatch(Character::isDigit);
        return digit && !segment.matches("v\\d+");
    }
}
