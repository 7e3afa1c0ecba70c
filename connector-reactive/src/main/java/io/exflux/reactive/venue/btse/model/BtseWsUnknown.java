package io.exflux.reactive.venue.btse.model;

/**
 * A frame of no known shape or topic, kept as sent (bounded by the stream's frame size) so that a venue
 * change shows up on the control messages rather than as silence.
 *
 * @param topic the frame's topic, or {@code null}
 * @param text  the frame
 */
public record BtseWsUnknown(String topic, String text) implements BtseWsMessage {
}
