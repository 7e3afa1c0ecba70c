package io.exflux.api.error;

import io.exflux.api.Capability;

/** The venue cannot serve this call; {@code capabilities()} says so beforehand. */
public class UnsupportedCapabilityException extends ExchangeException {

    private static final long serialVersionUID = 1L;

    private final Capability capability;

    /** {@code venue} does not serve {@code capability}. */
    public UnsupportedCapabilityException(String venue, Capability capability) {
        super(venue + " does not support " + capability, ErrorContext.local(venue));
        this.capability = capability;
    }

    /** {@code venue} does not serve {@code capability}; {@code detail} says what it offers instead. */
    public UnsupportedCapabilityException(String venue, Capability capability, String detail) {
        super(venue + " does not support " + capability + ": " + detail, ErrorContext.local(venue));
        this.capability = capability;
    }

    /** The capability the call needed. */
    public Capability capability() {
        return capability;
    }
}
