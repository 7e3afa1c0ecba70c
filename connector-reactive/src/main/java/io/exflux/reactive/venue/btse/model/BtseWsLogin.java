package io.exflux.reactive.venue.btse.model;

/**
 * BTSE's answer to a login ({@code {"event":"login","success":true}}); the spot document shows none for
 * {@code authKeyExpires}, the changelog shows this one.
 */
public record BtseWsLogin(boolean success) implements BtseWsMessage {
}
