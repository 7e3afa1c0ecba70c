package io.exflux.api.error;

/** The credentials are valid but may not do this (403: IP not allowed, missing permission). */
public class PermissionDeniedException extends ExchangeException {

    private static final long serialVersionUID = 1L;

    /** An error with this message and no venue answer behind it (a local check). */
    public PermissionDeniedException(String message) {
        super(message);
    }

    /** An error with this message and the venue answer behind it ({@code context} may be {@code null}). */
    public PermissionDeniedException(String message, ErrorContext context) {
        super(message, context);
    }

    /** An error with this message, the venue answer behind it (may be {@code null}) and the underlying failure. */
    public PermissionDeniedException(String message, ErrorContext context, Throwable cause) {
        super(message, context, cause);
    }
}
