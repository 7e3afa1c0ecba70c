package io.exflux.testkit.sim;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * An account's operation history built from balance updates (ALP's {@code GET /accounts/activity}):
 * each entry is the change of total ({@code balance}) and of {@code reserve}, with an operation type of
 * 1 for a change of the total (deposit, trade) and 2 for a change of the reserve alone (order placed or
 * cancelled). Bounded: the newest {@value #CAPACITY} entries per account.
 */
public final class ActivityLog {

    /** One operation. */
    public record Entry(long accountId, String currency, String wallet, BigDecimal balance, BigDecimal reserve,
                 Instant time, int opType) {
    }

    /** Entries kept per account. */
    public static final int CAPACITY = 1000;

    private final Map<Long, Deque<Entry>> entries = new ConcurrentHashMap<>();
    private final Map<String, SimBalance> last = new ConcurrentHashMap<>();

    /** Records a balance update; called in event order from the simulator thread. */
    public void record(SimBalance balance) {
        String key = balance.accountId() + "/" + balance.wallet() + "/" + balance.currency();
        SimBalance before = last.put(key, balance);
        BigDecimal totalDelta = before == null ? balance.total() : balance.total().subtract(before.total());
        BigDecimal reserveDelta = before == null ? balance.reserved() : balance.reserved().subtract(before.reserved());
        if (totalDelta.signum() == 0 && reserveDelta.signum() == 0) {
            return;
        }
        Deque<Entry> log = entries.computeIfAbsent(balance.accountId(), id -> new ConcurrentLinkedDeque<>());
        log.addFirst(new Entry(balance.accountId(), balance.currency(), balance.wallet(), totalDelta, reserveDelta,
                balance.updatedAt(), totalDelta.signum() != 0 ? 1 : 2));
        while (log.size() > CAPACITY) {
            log.pollLast();
        }
    }

    /** Newest first. */
    public List<Entry> entries(long accountId) {
        Deque<Entry> log = entries.get(accountId);
        return log == null ? List.of() : new ArrayList<>(log);
    }
}
