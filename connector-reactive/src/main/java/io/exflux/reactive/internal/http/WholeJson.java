package io.exflux.reactive.internal.http;

/**
 * Whether a body that the closing connection ended (no {@code Content-Length}, not chunked) holds its whole JSON
 * value: such a body cut short by a lost connection looks complete to HTTP, and only its JSON can tell. One pass over
 * the bytes, no allocation; only objects, arrays and strings can be told incomplete (a bare number or literal
 * cannot, and any other text is not JSON at all: both count as whole).
 */
final class WholeJson {

    private WholeJson() {
    }

    /** {@code false} when {@code body} opens a JSON object, array or string that it never closes. */
    static boolean isWhole(byte[] body) {
        int i = 0;
        while (i < body.length && isSpace(body[i])) {
            i++;
        }
        if (i == body.length || (body[i] != '{' && body[i] != '[' && body[i] != '"')) {
            return true;
        }
        int depth = 0;
        boolean inString = false;
        for (; i < body.length; i++) {
            byte b = body[i];
            if (inString) {
                if (b == '\\') {
                    i++;
                } else if (b == '"') {
                    inString = false;
                    if (depth == 0) {
                        return true;
                    }
                }
            } else if (b == '"') {
                inString = true;
            } else if (b == '{' || b == '[') {
                depth++;
            } else if ((b == '}' || b == ']') && --depth == 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }
}
