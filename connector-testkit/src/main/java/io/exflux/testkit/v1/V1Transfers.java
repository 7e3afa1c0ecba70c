package io.exflux.testkit.v1;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Deposits and withdrawals of each account, for {@code /v1/deposits/} and {@code /v1/withdraws/}: the
 * newest {@value #CAPACITY} of each kind per account. Thread-safe.
 */
final class V1Transfers {

    static final int CAPACITY = 1000;

    /** Withdrawal statuses of the documents' table. */
    static final int NEW = 10;

    /** One deposit or withdrawal; {@code status} is 0 for deposits. */
    record Transfer(long id, Instant time, String currency, BigDecimal amount, int status) {
    }

    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, Deque<Transfer>> deposits = new ConcurrentHashMap<>();
    private final Map<Long, Deque<Transfer>> withdrawals = new ConcurrentHashMap<>();

    Transfer deposit(long account, Instant time, String currency, BigDecimal amount) {
        return add(deposits, account, new Transfer(ids.incrementAndGet(), time, currency, amount, 0));
    }

    Transfer withdrawal(long account, Instant time, String currency, BigDecimal amount, int status) {
        return add(withdrawals, account, new Transfer(ids.incrementAndGet(), time, currency, amount, status));
    }

    /** Newest first. */
    List<Transfer> deposits(long account) {
        return list(deposits, account);
    }

    /** Newest first. */
    List<Transfer> withdrawals(long account) {
        return list(withdrawals, account);
    }

    private static Transfer add(Map<Long, Deque<Transfer>> all, long account, Transfer t) {
        Deque<Transfer> list = all.computeIfAbsent(account, id -> new ArrayDeque<>());
        synchronized (list) {
            list.addFirst(t);
            if (list.size() > CAPACITY) {
                list.removeLast();
            }
        }
        return t;
    }

    private static List<Transfer> list(Map<Long, Deque<Transfer>> all, long account) {
        Deque<Transfer> list = all.get(account);
        if (list == null) {
            return List.of();
        }
        synchronized (list) {
            return new ArrayList<>(list);
        }
    }
}
