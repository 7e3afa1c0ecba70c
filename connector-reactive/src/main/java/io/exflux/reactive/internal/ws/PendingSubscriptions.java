package io.exflux.reactive.internal.ws;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The subscribe frames of one websocket session still waiting for the venue's answer, oldest first,
 * each with its topics not yet acknowledged. Lets an error frame that names no topic fail the frame it
 * answers. Assumes what acknowledging venues do: they answer subscribe frames in the order sent, so an
 * ack for a later frame settles every earlier one (a topic neither acked nor refused was taken silently).
 * Thread-safe: frames are sent from any thread, answers read on the event loop.
 */
final class PendingSubscriptions {

    /** More unanswered frames than this means the venue does not answer: the oldest are forgotten. */
    private static final int MAX_PENDING_FRAMES = 256;

    private final ArrayDeque<Set<String>> frames = new ArrayDeque<>();

    /** A subscribe frame carrying {@code topics} is about to be written. */
    synchronized void sent(Collection<String> topics) {
        if (topics.isEmpty()) {
            return;
        }
        if (frames.size() == MAX_PENDING_FRAMES) {
            frames.poll();
        }
        frames.add(new LinkedHashSet<>(topics));
    }

    /** The venue acknowledged these topics: each leaves the oldest frame holding it; earlier frames are settled. */
    synchronized void acknowledged(Collection<String> topics) {
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
    synchronized List<String> refuseOldest() {
        Set<String> oldest = frames.poll();
        return oldest == null ? List.of() : new ArrayList<>(oldest);
    }

    /** The topic is answered (refused by name) or no longer wanted (unsubscribed): no frame waits for it. */
    synchronized void forget(String topic) {
        for (Iterator<Set<String>> it = frames.iterator(); it.hasNext(); ) {
            Set<String> frame = it.next();
            if (frame.remove(topic) && frame.isEmpty()) {
                it.remove();
            }
        }
    }
}
