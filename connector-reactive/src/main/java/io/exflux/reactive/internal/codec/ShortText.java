package io.exflux.reactive.internal.codec;

/** Venue text as an error message or a log line shows it: a hostile value can be megabytes long. */
public final class ShortText {

    /** Characters shown before the text is cut. */
    public static final int SHOWN = 40;

    private ShortText() {
    }

    /** The value's text, cut after {@link #SHOWN} characters with its full length said. */
    public static String of(Object value) {
        String text = String.valueOf(value);
        return text.length() > SHOWN ? text.substring(0, SHOWN) + "... (" + text.length() + " characters)" : text;
    }
}
