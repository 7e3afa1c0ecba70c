package io.exflux.reactive.internal.ws;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The subscribe frames of one websocket session still waiting for the venue's answer, oldest first,
 * each with its topics not yet acknowledged. Lets an error frame that names no topic fail the frame it
 * answers. Assumes what acknowledging venues do: they answer subscribe frames in the order sent, so an
 * ack for a later frame settles every earlier one (a topic neither acked nor refused was taken silently).
 * Thread-safe: frames are sent from any thread, answers read on the event loop. {@link #settled} tells
 * when given topics have their answer, so a session reports itself live only once the venue has taken
 * its subscriptions (data sent between the subscribe frame and the venue's answer would otherwise be
 * missed by whoever re-seeds on that report).
 */
final class PendingSubscriptions {

    /** More unanswered frames than this means the venue does not answer: the oldest are forgotten. */
    private static final int MAX_PENDING_FRAMES = 256;

    private final ArrayDeque<Set<String>> frames = new ArrayDeque<>();
    /** Callers of {@link #settled} still waiting, each with the topics it waits for. */
    private final List<Waiter> waiters = new ArrayList<>();

    private record Waiter(Set<String> topics, Sinks.Empty<Void> done) { }

    /** A subscribe frame carrying {@code topics} is about to be written. */
    void sent(Collection<String> topics) {
        if (topics.isEmpty()) {
            return;
        }
        synchronized (this) {
            if (frames.size() == MAX_PENDING_FRAMES) {
                frames.poll();
            }
            frames.add(new LinkedHashSet<>(topics));
        }
        release();
    }

    /** The venue acknowledged these topics: each leaves the oldest frame holding it; earlier frames are settled. */
    void acknowledged(Collection<String> topics) {
        synchronized (this) {
            settle(topics);
        }
        release();
    }

    private void settle(Collection<String> topics) {
        for (String topic : topics) {
            int position = 0;
            for (Set<String> frame : frames) {
                if (frame.remove(topic)) {
                    for (int i = 0; i < position; i++) {
                        frames.poll();
                    }
                    break;
                }
                position++;
            }
        }
        frames.removeIf(Set::isEmpty);
    }

    /** The un-acknowledged topics of the oldest pending frame, which an error naming no topic answers; empty if none. */
    List<String> refuseOldest() {
        Set<String> oldest;
        synchronized (this) {
            oldest = frames.poll();
        }
        release();
        return oldest == null ? List.of() : new ArrayList<>(oldest);
    }

    /** The topic is answered (refused by name) or no longer wanted (unsubscribed): no frame waits for it. */
    void forget(String topic) {
        synchronized (this) {
            for (Iterator<Set<String>> it = frames.iterator(); it.hasNext(); ) {
                Set<String> frame = it.next();
                if (frame.remove(topic) && frame.isEmpty()) {
                    it.remove();
                }
            }
        }
        release();
    }

    /**
     * Completes once none of {@code topics} waits for an answer any more (acknowledged, refused,
     * forgotten, or settled by an answer to a later frame); at once if none does now. Never errors; the
     * caller bounds the wait (a venue may never answer). Completion runs on the thread that read the
     * answer, outside this object's lock.
     */
    Mono<Void> settled(Collection<String> topics) {
        return Mono.defer(() -> {
            Sinks.Empty<Void> done = Sinks.empty();
            synchronized (this) {
                Set<String> waiting = new LinkedHashSet<>(topics);
                waiting.removeIf(topic -> !isPending(topic));
                if (waiting.isEmpty()) {
                    return Mono.empty();
                }
                waiters.add(new Waiter(waiting, done));
            }
            return done.asMono().doFinally(signal -> {
                synchronized (this) {
                    waiters.removeIf(w -> w.done() == done);
                }
            });
        });
    }

    private boolean isPending(String topic) {
        for (Set<String> frame : frames) {
            if (frame.contains(topic)) {
                return true;
            }
        }
        return false;
    }

    /** Completes the waiters whose topics are all answered; outside the lock, as completion runs their code. */
    private void release() {
        List<Sinks.Empty<Void>> done = new ArrayList<>();
        synchronized (this) {
            if (waiters.isEmpty()) {
                return;
            }
            for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
                Waiter waiter = it.next();
                waiter.topics().removeIf(topic -> !isPending(topic));
                if (waiter.topics().isEmpty()) {
                    it.remove();
                    done.add(waiter.done());
                }
            }
        }
        done.forEach(Sinks.Empty::tryEmitEmpty);
    }
}
