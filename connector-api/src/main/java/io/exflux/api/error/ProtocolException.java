package io.exflux.api.error;

/** A frame or body we cannot read: malformed JSON, an unexpected shape, an unknown message type. */
public class ProtocolException extends ExchangeException {

    private static final long serialVersionUID = 1L;

    public ProtocolException(String message) {
        super(message);
    }

    public ProtocolException(String message, ErrorContext context) {
        super(message, context);
    }

    public ProtocolException(String message, ErrorContext context, Throwable cause) {
        super(message, context, cause);
    }
}
