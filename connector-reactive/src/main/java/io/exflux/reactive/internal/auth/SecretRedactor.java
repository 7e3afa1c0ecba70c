package io.exflux.reactive.internal.auth;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Blanks secrets out of venue text before it is kept in an error, a log line or a message: a venue may echo the
 * request it refused, and the request of a token may carry the API secret. Two rules, both always on:
 * <ul>
 *   <li>the values of fields named like a secret ({@code api_secret}, {@code secret}, {@code password},
 *       {@code passphrase}, {@code token}, {@code jwt}, in any case and with any prefix or suffix), in JSON
 *       ({@code "api_secret":"..."}) and in form or query text ({@code api_secret=...});</li>
 *   <li>every occurrence of the client's own secrets, wherever the venue put it: those its supplier gives, read
 *       afresh each time (the API secret), and the last few {@link #remember remembered} (the tokens fetched,
 *       including one already dropped after a 401); a JWT also by its payload and signature alone.</li>
 * </ul>
 * Each is replaced by {@link #MASK}. Cold path only (error answers): it reads the whole text with regular
 * expressions. Thread-safe.
 */
public final class SecretRedactor {

    /** What a secret is replaced with. */
    public static final String MASK = "[redacted]";

    /** Shorter values are not searched for as text: they would match by chance and blank unrelated words. */
    private static final int MIN_SECRET = 6;

    // bounded and possessive throughout: a hostile body (a megabyte-long name or value) costs linear time and no
    // stack, never a backtracking blow-up on an event loop
    private static final String NAMES =
            "[A-Za-z0-9_.-]{0,32}(?i:secret|password|passphrase|passwd|token|jwt)[A-Za-z0-9_.-]{0,32}";
    private static final Pattern JSON_FIELD = Pattern.compile(
            "(\"" + NAMES + "\"\\s*+:\\s*+)\"[^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+\"");
    private static final Pattern ESCAPED_JSON_FIELD = Pattern.compile(
            "(\\\\\"" + NAMES + "\\\\\"\\s*+:\\s*+)\\\\\"[^\"\\\\]*+(?:\\\\[^\"][^\"\\\\]*+)*+\\\\\"");
    private static final Pattern FORM_FIELD = Pattern.compile("((?<![A-Za-z0-9_.-])" + NAMES + "=)[^&\\s\"',;]+");

    private static final SecretRedactor FIELDS_ONLY = new SecretRedactor(List::of);

    /** How many remembered secrets are kept: a token and the ones before it still in flight. */
    private static final int REMEMBERED = 4;

    private final Supplier<? extends Collection<String>> secrets;
    private final AtomicReference<List<String>> remembered = new AtomicReference<>(List.of());

    private SecretRedactor(Supplier<? extends Collection<String>> secrets) {
        this.secrets = secrets;
    }

    /** A redactor that knows no secret of its own: it blanks the fields named like secrets. */
    public static SecretRedactor fieldsOnly() {
        return FIELDS_ONLY;
    }

    /**
     * A redactor that also blanks the values {@code secrets} gives, asked again for every text (so a token renewed
     * since is known); {@code null} elements are skipped.
     */
    public static SecretRedactor of(Supplier<? extends Collection<String>> secrets) {
        return new SecretRedactor(Objects.requireNonNull(secrets, "secrets"));
    }

    /**
     * Adds a secret learnt while running (a token just fetched); the oldest of more than a few is forgotten. The
     * redactor shared by every client that knows no secret ({@link #fieldsOnly()}) remembers nothing.
     */
    public void remember(String secret) {
        if (this == FIELDS_ONLY || secret == null || secret.length() < MIN_SECRET) {
            return;
        }
        remembered.updateAndGet(old -> {
            List<String> next = new ArrayList<>(old);
            next.remove(secret);
            next.add(secret);
            return List.copyOf(next.size() > REMEMBERED ? next.subList(next.size() - REMEMBERED, next.size()) : next);
        });
    }

    /** The text with every secret replaced by {@link #MASK}; {@code null} stays {@code null}. */
    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String secret : known()) {
            out = out.replace(secret, MASK);
        }
        out = replace(JSON_FIELD, out, "\"" + MASK + "\"");
        out = replace(ESCAPED_JSON_FIELD, out, "\\\"" + MASK + "\\\"");
        return replace(FORM_FIELD, out, MASK);
    }

    /** The secrets to search for, longest first (a token's part must not break up the whole token). */
    private List<String> known() {
        Collection<String> given = secrets.get();
        List<String> candidates = new ArrayList<>(remembered.get());
        if (given != null) {
            candidates.addAll(given);
        }
        List<String> all = new ArrayList<>();
        for (String secret : candidates) {
            if (secret != null && secret.length() >= MIN_SECRET) {
                all.add(secret);
                int dot = secret.indexOf('.');
                if (dot > 0 && secret.indexOf('.', dot + 1) > dot) {
                    // a JWT: its header is common to many tokens, its payload and signature are not
                    all.add(secret.substring(dot + 1));
                    all.add(secret.substring(secret.lastIndexOf('.') + 1));
                }
            }
        }
        all.removeIf(part -> part.length() < MIN_SECRET);
        all.sort((a, b) -> Integer.compare(b.length(), a.length()));
        return all;
    }

    private static String replace(Pattern field, String text, String mask) {
        Matcher matcher = field.matcher(text);
        return matcher.find() ? matcher.replaceAll(result -> Matcher.quoteReplacement(result.group(1) + mask)) : text;
    }

    @Override
    public String toString() {
        return "SecretRedactor";
    }
}
