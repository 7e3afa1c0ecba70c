package io.exflux.api.error;

/** The credentials are valid but may not do this (403: IP not allowed, missing permission). */
public class PermissionDeniedException extends ExchangeException {

    private static final long serialVersionUID = 1L;

    public PermissionDeniedException(String message) {
        super(message);
    }

    public PermissionDeniedException(String message, ErrorContext context) {
        super(message, context);
    }

    public PermissionDeniedException(String message, ErrorContext context, Throwable cause) {
        super(message, context, cause);
    }
}
