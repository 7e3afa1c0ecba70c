package io.exflux.api;

/** Something that belongs to one venue. */
public interface Venue {

    /** The venue's id: {@code alp}, {@code btc-alpha}, {@code bitexbit} or {@code btse}. */
    String venue();

    /** What this client can serve; a call outside it fails with {@code UnsupportedCapabilityException}. */
    Capabilities capabilities();
}
