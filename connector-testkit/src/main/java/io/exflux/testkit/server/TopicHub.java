package io.exflux.testkit.server;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The websocket sessions of a simulated venue with what each one subscribed to and, after a private
 * login, whose account it is; and the publishers that send a frame to every session that wants it.
 * Venue-neutral: topic names, validity and frame shapes are the venue's. Thread-safe; sending is
 * {@link WsSession#send fire-and-forget}, so a publisher never waits for a slow client.
 */
public final class TopicHub {

    /** What {@link #subscribe} did. */
    public enum Outcome {
        /** Newly subscribed. */
        ADDED,
        /** It was subscribed already (venues acknowledge it again). */
        ALREADY,
        /** Refused: the session holds the most topics allowed. */
        FULL
    }

    /** One session's subscriptions and login. */
    public static final class Member {
        private final WsSession session;
        private final Set<String> topics = ConcurrentHashMap.newKeySet();
        private volatile long principal = -1;

        private Member(WsSession session) {
            this.session = session;
        }

        public WsSession session() {
            return session;
        }

        /** Whether the session subscribed to this topic. */
        public boolean wants(String topic) {
            return topics.contains(topic);
        }

        /** The topics subscribed now (a copy). */
        public Set<String> topics() {
            return Set.copyOf(topics);
        }

        /** The account this session logged in as, -1 before a login. */
        public long principal() {
            return principal;
        }

        /** Records a private login: from now on this session gets that account's private frames. */
        public void authenticate(long account) {
            this.principal = account;
        }
    }

    private final Map<WsSession, Member> members = new ConcurrentHashMap<>();
    private volatile int maxTopics;

    /** A hub where one session may hold at most {@code maxTopics} topics. */
    public TopicHub(int maxTopics) {
        maxTopics(maxTopics);
    }

    /** Changes the most topics one session may hold (sessions over it keep theirs). */
    public void maxTopics(int value) {
        if (value <= 0) {
            throw new IllegalArgumentException("maxTopics must be positive");
        }
        this.maxTopics = value;
    }

    /** Adds a session; it leaves by itself when it closes. */
    public Member join(WsSession session) {
        Member member = new Member(Objects.requireNonNull(session, "session"));
        members.put(session, member);
        session.onClose().subscribe(null, error -> members.remove(session), () -> members.remove(session));
        return member;
    }

    /** Removes a session at once. */
    public void leave(WsSession session) {
        members.remove(session);
    }

    /** Subscribes a member to a topic the venue has already found valid. */
    public Outcome subscribe(Member member, String topic) {
        if (member.topics.contains(topic)) {
            return Outcome.ALREADY;
        }
        if (member.topics.size() >= maxTopics) {
            return Outcome.FULL;
        }
        member.topics.add(topic);
        return Outcome.ADDED;
    }

    /** Unsubscribes a member from these topics (unknown ones are ignored). */
    public void unsubscribe(Member member, Collection<String> topics) {
        member.topics.removeAll(topics);
    }

    /** The sessions connected now. */
    public Collection<Member> members() {
        return List.copyOf(members.values());
    }

    /** How many sessions are connected now. */
    public int size() {
        return members.size();
    }

    /** Whether some session wants this topic: lets a publisher skip building frames nobody reads. */
    public boolean listening(String topic) {
        for (Member m : members.values()) {
            if (m.wants(topic)) {
                return true;
            }
        }
        return false;
    }

    /** Sends the frame once to every session that wants one of these topics (built only if someone does). */
    public void publish(Supplier<String> frame, String... topics) {
        String text = null;
        for (Member m : members.values()) {
            for (String topic : topics) {
                if (m.wants(topic)) {
                    text = text != null ? text : frame.get();
                    m.session.send(text);
                    break;
                }
            }
        }
    }

    /** Sends the frame to every session logged in as this account (built only if there is one). */
    public void publishPrivate(long account, Supplier<String> frame) {
        String text = null;
        for (Member m : members.values()) {
            if (m.principal == account) {
                text = text != null ? text : frame.get();
                m.session.send(text);
            }
        }
    }
}
