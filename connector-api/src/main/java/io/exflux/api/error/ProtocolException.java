package io.exflux.api.error;

/** A frame or body we cannot read: malformed JSON, an unexpected shape, an unknown message type. */
public class ProtocolException extends ExchangeException {

    private static final long serialVersionUID = 1L;

    /** An error with this message and no venue answer behind it (a local check). */
    public ProtocolException(String message) {
        super(message);
    }

    /** An error with this message and the venue answer behind it ({@code context} may be {@code null}). */
    public ProtocolException(String message, ErrorContext context) {
        super(message, context);
    }

    /** An error with this message, the venue answer behind it (may be {@code null}) and the underlying failure. */
    public ProtocolException(String message, ErrorContext context, Throwable cause) {
        super(message, context, cause);
    }
}
