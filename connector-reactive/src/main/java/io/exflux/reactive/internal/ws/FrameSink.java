package io.exflux.reactive.internal.ws;

import io.exflux.api.error.ExchangeException;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Where {@link StreamDialect#decode} puts what it reads from one frame, and the topics each message
 * belongs to: decoding and routing are one pass. Only valid during that call, on the socket's event loop.
 *
 * <p>A message is delivered to every topic named that is live on the connection that received the
 * frame, once per topic; a message none of whose topics is live is published as a control message
 * ({@code StreamEndpoint.controlMessages()}), like the acks and welcomes the dialect hands to
 * {@link #control}.
 *
 * @param <M> the venue message type
 */
public interface FrameSink<M> {

    /** One decoded message of {@code topic}; a frame may carry several messages. */
    void next(M message, String topic);

    /**
     * One decoded message that belongs to two topics, e.g. a pair's trade to {@code trade.BTC_USDT} and
     * to the wildcard {@code trade.*}: each live one receives it once (twice the same name is one topic).
     */
    void next(M message, String topic, String alsoTopic);

    /** A message of no topic (an ack, a welcome, a venue notice): published on the control flux only. */
    void control(M message);

    /**
     * The topics of this connection that are live now, for venues whose messages name no topic and are
     * routed by elimination (e.g. "the only book channel"). Read-only view.
     */
    Set<String> liveTopics();

    /**
     * The venue confirmed these topics (a subscribe ack). Only read when
     * {@link StreamDialect#acknowledgesSubscriptions()}: they leave the pending subscription they belong to.
     */
    void acknowledged(List<String> topics);

    /**
     * The venue refused a subscription. With a {@code topic}, that topic's subscribers fail; with
     * {@code null} (an error frame that names no topic) the un-acknowledged topics of the oldest pending
     * subscribe frame of this connection fail (only tracked when
     * {@link StreamDialect#acknowledgesSubscriptions()}). Each failed topic is off the wire and stays
     * usable: its next subscriber subscribes again.
     *
     * @param error builds the typed error from the refused topics' names; it must name them, without secrets
     */
    void refused(String topic, Function<List<String>, ? extends ExchangeException> error);

    /**
     * The venue refused this connection's authentication: every topic of the connection fails with
     * {@code error} (an {@link io.exflux.api.error.AuthenticationException}, typically), and the
     * connection is dropped; it reconnects and authenticates afresh if subscribers remain.
     */
    void authenticationRefused(ExchangeException error);

    /**
     * The frame (or a part of it) cannot be read. The engine logs it (truncated), counts it in
     * {@code StreamEndpoint.malformedFrames()} and carries on with the next frame.
     *
     * @param reason what is wrong, without secrets
     * @param cause  the parse error, or {@code null}
     */
    void malformed(String reason, Throwable cause);
}
