package io.exflux.testkit.btse;

import io.exflux.api.model.CurrencyPair;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What BTSE's wallet keeps beside the engine's balances: each account's user name and e-mail (the
 * transfer's {@code toUser}/{@code toUserMail}), its wallet history, its deposit addresses, and the
 * conversion rates. Bounded: the newest {@value #HISTORY_CAPACITY} history records and
 * {@value #ADDRESS_CAPACITY} addresses per account. Thread-safe.
 */
final class BtseWallet {

    static final int HISTORY_CAPACITY = 1000;
    static final int ADDRESS_CAPACITY = 100;
    /** Decimals of a conversion's settlement and of a reversed rate. */
    static final int CONVERT_SCALE = 8;

    /** The kinds of wallet history record: the seed's table, numbered in its order, and the current docs' text. */
    enum Kind {
        DEPOSIT(1, "Deposit"), WITHDRAW(2, "Withdraw"), TRANSFER_IN(3, "Transfer_In"), TRANSFER_OUT(4, "Transfer_Out"),
        CONVERT(6, "Convert fiat");

        final int code;
        final String text;

        Kind(int code, String text) {
            this.code = code;
            this.text = text;
        }
    }

    /** An account's name as other users address it. */
    record User(long account, String username, String email) {
    }

    /** One wallet history record (status: 10 COMPLETED). */
    record Record(long orderId, Kind kind, String currency, BigDecimal amount, BigDecimal fees, Instant time,
                  String description, String txid, String network) {
    }

    /** A deposit address; {@code used} once a deposit arrived on it. */
    static final class Address {
        final String currency;
        final String network;
        final String address;
        final Instant created;
        volatile boolean used;

        Address(String currency, String network, String address, Instant created) {
            this.currency = currency;
            this.network = network;
            this.address = address;
            this.created = created;
        }
    }

    private final Map<Long, User> users = new ConcurrentHashMap<>();
    private final Map<String, User> byName = new ConcurrentHashMap<>();
    private final Map<Long, Deque<Record>> history = new ConcurrentHashMap<>();
    private final Map<Long, Deque<Address>> addresses = new ConcurrentHashMap<>();
    private final Map<CurrencyPair, BigDecimal> rates = new ConcurrentHashMap<>();
    private final AtomicLong recordIds = new AtomicLong(20181213000239L);

    BtseWallet(Map<CurrencyPair, BigDecimal> rates) {
        this.rates.putAll(rates);
    }

    /** Names an account; refused when the name is taken. */
    User register(long account, String username, String email) {
        User user = new User(account, username, email);
        if (byName.putIfAbsent(username.toLowerCase(Locale.ROOT), user) != null) {
            throw new IllegalArgumentException("user name taken: " + username);
        }
        users.put(account, user);
        return user;
    }

    Optional<User> user(long account) {
        return Optional.ofNullable(users.get(account));
    }

    Optional<User> byUsername(String username) {
        return username == null ? Optional.empty() : Optional.ofNullable(byName.get(username.toLowerCase(Locale.ROOT)));
    }

    /** Adds a history record and returns its id (the withdrawal's {@code withdraw_id}). */
    long record(long account, Kind kind, String currency, BigDecimal amount, BigDecimal fees, Instant time,
                String description, String network) {
        long id = recordIds.incrementAndGet();
        Deque<Record> log = history.computeIfAbsent(account, a -> new ConcurrentLinkedDeque<>());
        String txid = kind == Kind.DEPOSIT || kind == Kind.WITHDRAW ? "simtx" + Long.toHexString(id) : "";
        log.addFirst(new Record(id, kind, currency, amount, fees, time, description, txid, network == null ? "" : network));
        while (log.size() > HISTORY_CAPACITY) {
            log.pollLast();
        }
        return id;
    }

    /** Newest first. */
    List<Record> history(long account) {
        Deque<Record> log = history.get(account);
        return log == null ? List.of() : new ArrayList<>(log);
    }

    /** The unused address of this currency and network, if there is one. */
    Optional<Address> unusedAddress(long account, String currency, String network) {
        for (Address a : addresses(account)) {
            if (!a.used && a.currency.equals(currency) && a.network.equalsIgnoreCase(network)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    Address newAddress(long account, String currency, String network, Instant now) {
        byte[] raw = new byte[20];
        ThreadLocalRandom.current().nextBytes(raw);
        Address a = new Address(currency, network, "sim" + HexFormat.of().formatHex(raw), now);
        Deque<Address> list = addresses.computeIfAbsent(account, id -> new ConcurrentLinkedDeque<>());
        list.addFirst(a);
        while (list.size() > ADDRESS_CAPACITY) {
            list.pollLast();
        }
        return a;
    }

    /** Newest first. */
    List<Address> addresses(long account) {
        Deque<Address> list = addresses.get(account);
        return list == null ? List.of() : new ArrayList<>(list);
    }

    /** Marks the account's addresses of this currency used (a deposit arrived). */
    void used(long account, String currency) {
        addresses(account).stream().filter(a -> a.currency.equals(currency)).forEach(a -> a.used = true);
    }

    /** Sets the rate of one pair from now on. */
    void rate(CurrencyPair pair, BigDecimal rate) {
        rates.put(pair, rate);
    }

    /** Units of {@code to} one {@code from} buys: the pair's rate, the reverse pair's 1/rate, or 1 for itself. */
    Optional<BigDecimal> rate(String from, String to) {
        if (from.equals(to)) {
            return Optional.of(BigDecimal.ONE);
        }
        BigDecimal direct = rates.get(CurrencyPair.of(from, to));
        if (direct != null) {
            return Optional.of(direct);
        }
        BigDecimal reverse = rates.get(CurrencyPair.of(to, from));
        return reverse == null ? Optional.empty()
                : Optional.of(BigDecimal.ONE.divide(reverse, CONVERT_SCALE, RoundingMode.HALF_EVEN));
    }

    /** The currencies with a conversion rate. */
    List<String> convertible() {
        List<String> out = new ArrayList<>();
        rates.keySet().forEach(pair -> {
            if (!out.contains(pair.base())) {
                out.add(pair.base());
            }
            if (!out.contains(pair.quote())) {
                out.add(pair.quote());
            }
        });
        out.sort(null);
        return out;
    }
}
