package io.exflux.reactive.internal.unified;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The de-duplication window of trade streams: the same answers as a linked hash map in access order. */
class RecentIdsTest {

    @Test
    void anIdIsARepeatUntilCapacityOthersWereSeenAfterIt() {
        RecentIds ids = new RecentIds(3);

        assertThat(ids.seen("1")).isFalse();
        assertThat(ids.seen("1")).isTrue();
        assertThat(ids.seen("2")).isFalse();
        assertThat(ids.seen("3")).isFalse();
        assertThat(ids.seen("4")).isFalse(); // forgets 1, the least recently seen
        assertThat(ids.size()).isEqualTo(3);

        assertThat(ids.seen("1")).isFalse();
        assertThat(ids.seen("3")).isTrue();
    }

    @Test
    void seeingAnIdAgainKeepsItLongerThanOlderOnes() {
        RecentIds ids = new RecentIds(2);
        ids.seen("a");
        ids.seen("b");

        assertThat(ids.seen("a")).isTrue(); // now b is the least recently seen
        assertThat(ids.seen("c")).isFalse(); // forgets b

        assertThat(ids.seen("a")).isTrue();
        assertThat(ids.seen("b")).isFalse();
    }

    /** Random ids from a domain a few times the capacity, so that repeats, refreshes and evictions all happen. */
    @Test
    void answersAsTheLinkedHashMapWindowOnRandomIds() {
        SplittableRandom random = new SplittableRandom(14);
        for (int capacity : new int[] {1, 2, 7, 64, 1000}) {
            RecentIds ids = new RecentIds(capacity);
            RecentKeys<Boolean> reference = new RecentKeys<>(capacity);
            for (int i = 0; i < 20_000; i++) {
                // numbers, and texts whose hashes collide ("Aa" and "BB" hash alike)
                String id = random.nextInt(4) == 0 ? (random.nextBoolean() ? "Aa" : "BB") + random.nextInt(capacity)
                        : Long.toString(random.nextInt(3 * capacity + 1));
                boolean expected = reference.put(id, Boolean.TRUE) != null;
                assertThat(ids.seen(id)).as("id %s at step %d, capacity %d", id, i, capacity).isEqualTo(expected);
            }
        }
    }

    @Test
    void refusesAWindowOfNothing() {
        assertThatThrownBy(() -> new RecentIds(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
