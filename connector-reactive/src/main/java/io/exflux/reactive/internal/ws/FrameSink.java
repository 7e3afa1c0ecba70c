package io.exflux.reactive.internal.ws;

/**
 * Where {@link StreamDialect#decode} puts what it reads from one frame. Only valid during that call.
 *
 * @param <M> the venue message type
 */
public interface FrameSink<M> {

    /** One decoded message; a frame may carry several. */
    void next(M message);

    /**
     * The frame (or a part of it) cannot be read. The engine logs it (truncated), counts it in
     * {@code StreamEndpoint.malformedFrames()} and carries on with the next frame.
     *
     * @param reason what is wrong, without secrets
     * @param cause  the parse error, or {@code null}
     */
    void malformed(String reason, Throwable cause);
}
