package io.exflux.reactive.internal.ws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** Which subscribe frame a venue's topic-less error answers. */
class PendingSubscriptionsTest {

    @Test
    void aTopicLessErrorAnswersTheOldestFrame_withOnlyItsUnacknowledgedTopics() {
        PendingSubscriptions pending = new PendingSubscriptions();
        pending.sent(List.of("a", "b"));
        pending.sent(List.of("c"));

        pending.acknowledged(List.of("a"));

        assertThat(pending.refuseOldest()).containsExactly("b");
        assertThat(pending.refuseOldest()).containsExactly("c");
        assertThat(pending.refuseOldest()).isEmpty();
    }

    @Test
    void anAckForALaterFrameSettlesTheEarlierOnes_theVenueAnswersInOrder() {
        PendingSubscriptions pending = new PendingSubscriptions();
        pending.sent(List.of("silently-taken"));
        pending.sent(List.of("x"));
        pending.sent(List.of("bad"));

        pending.acknowledged(List.of("x"));

        assertThat(pending.refuseOldest()).containsExactly("bad");
    }

    @Test
    void aTopicRefusedByNameOrUnsubscribedWaitsNoMore() {
        PendingSubscriptions pending = new PendingSubscriptions();
        pending.sent(List.of("named"));
        pending.sent(List.of("gone", "kept"));

        pending.forget("named");
        pending.forget("gone");

        assertThat(pending.refuseOldest()).containsExactly("kept");
    }

    @Test
    void aVenueThatNeverAnswersDoesNotGrowTheListForever() {
        PendingSubscriptions pending = new PendingSubscriptions();
        for (int i = 0; i < 1000; i++) {
            pending.sent(List.of("t" + i));
        }

        assertThat(pending.refuseOldest()).as("the oldest kept is recent").containsExactly("t744");
    }

    @Test
    void settledWaitsForTheVenuesAnswerToEachTopic_ackRefusalOrForget() {
        PendingSubscriptions pending = new PendingSubscriptions();
        pending.sent(List.of("a", "b"));
        pending.sent(List.of("c"));
        pending.sent(List.of("other"));
        AtomicBoolean done = new AtomicBoolean();
        pending.settled(List.of("a", "b", "c")).subscribe(null, null, () -> done.set(true));

        pending.acknowledged(List.of("a"));
        assertThat(done).isFalse();
        pending.refuseOldest(); // b, refused by an error naming no topic
        assertThat(done).isFalse();
        pending.forget("c");

        assertThat(done).isTrue();
    }

    @Test
    void settledCompletesAtOnceWhenNothingWaits_andAnAckForALaterFrameSettlesEarlierOnes() {
        PendingSubscriptions pending = new PendingSubscriptions();
        assertThat(pending.settled(List.of("x")).then(Mono.just(true)).block()).isTrue();

        pending.sent(List.of("silent"));
        pending.sent(List.of("later"));
        AtomicBoolean done = new AtomicBoolean();
        pending.settled(List.of("silent")).subscribe(null, null, () -> done.set(true));
        pending.acknowledged(List.of("later"));

        assertThat(done).isTrue();
    }
}
