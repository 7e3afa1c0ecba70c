package io.exflux.api;

import java.util.EnumSet;
import java.util.Set;

/** What a venue's client can do, known before any call. */
public record Capabilities(Set<Capability> supported) {

    public Capabilities {
        supported = supported.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(supported));
    }

    public static Capabilities of(Capability... capabilities) {
        return new Capabilities(Set.of(capabilities));
    }

    public boolean supports(Capability capability) {
        return supported.contains(capability);
    }
}
