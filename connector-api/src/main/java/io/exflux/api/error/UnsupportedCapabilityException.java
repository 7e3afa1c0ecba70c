package io.exflux.api.error;

import io.exflux.api.Capability;

/** The venue cannot serve this call; {@code capabilities()} says so beforehand. */
public class UnsupportedCapabilityException extends ExchangeException {

    private static final long serialVersionUID = 1L;

    private final Capability capability;

    public UnsupportedCapabilityException(String venue, Capability capability) {
        super(venue + " does not support " + capability, ErrorContext.local(venue));
        this.capability = capability;
    }

    public UnsupportedCapabilityException(String venue, Capability capability, String detail) {
        super(venue + " does not support " + capability + ": " + detail, ErrorContext.local(venue));
        this.capability = capability;
    }

    public Capability capability() {
        return capability;
    }
}
