package io.exflux.api;

import java.util.EnumSet;
import java.util.Set;

/** What a venue's client can do, known before any call. */
public record Capabilities(Set<Capability> supported) {

    /** Keeps an immutable copy of {@code supported}. */
    public Capabilities {
        supported = supported.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(supported));
    }

    /** The set of these capabilities. */
    public static Capabilities of(Capability... capabilities) {
        return new Capabilities(Set.of(capabilities));
    }

    /** Whether the client serves calls of this capability (the others fail with {@code UnsupportedCapabilityException}). */
    public boolean supports(Capability capability) {
        return supported.contains(capability);
    }
}
