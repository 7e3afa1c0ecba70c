package io.exflux.testkit.btse;

import static io.exflux.testkit.btse.BtseWire.MAPPER;
import static io.exflux.testkit.btse.BtseWire.number;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.exflux.testkit.server.FakeResponse;
import io.exflux.testkit.server.Params;
import io.exflux.testkit.server.RouteTable;
import io.exflux.testkit.sim.SimBalance;
import io.exflux.testkit.sim.SimOrderRequest;
import io.exflux.testkit.sim.SimRejectedException;
import io.exflux.testkit.sim.VenueSimulator;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * The wallet endpoints of the seed: networks, exchange rate and currencies by action (public), balance,
 * history, deposit addresses, withdraw, convert and transfer (private, wallet scope). Balances move in the
 * engine, so orders and wallet operations see one ledger.
 */
final class BtseWalletRest {

    private static final String WALLET = SimOrderRequest.DEFAULT_WALLET;
    private static final int WITHDRAW_DECIMALS = 8;

    private final VenueSimulator sim;
    private final BtseAuth auth;
    private final BtseWallet wallet;
    private final BtseSimulatorOptions options;
    private final Clock clock;

    BtseWalletRest(VenueSimulator sim, BtseAuth auth, BtseWallet wallet, BtseSimulatorOptions options) {
        this.sim = sim;
        this.auth = auth;
        this.wallet = wallet;
        this.options = options;
        this.clock = options.clock();
    }

    void addTo(RouteTable table) {
        BtseSimulator.Scope q = BtseSimulator.Scope.QUERY;
        BtseSimulator.Scope w = BtseSimulator.Scope.WALLET;
        table.get("/availableCurrencyNetworks", auth.publicly(q, this::networks))
                .get("/exchangeRate", auth.publicly(q, this::exchangeRate))
                .get("/availableCurrencies", auth.publicly(q, this::currencies))
                .get("/user/wallet", auth.privately(w, this::balances))
                .get("/user/wallet_history", auth.privately(w, this::history))
                .post("/user/wallet/address", auth.privately(w, this::createAddress))
                .get("/user/wallet/address", auth.privately(w, this::getAddress))
                .post("/user/wallet/withdraw", auth.privately(w, this::withdraw))
                .post("/user/wallet/convert", auth.privately(w, this::convert))
                .post("/user/wallet/transfer", auth.privately(w, this::transfer));
    }

    // ---------------------------------------------------------------- public

    private Mono<FakeResponse> networks(Params p) {
        String currency = upper(p.required("currency"));
        List<String> names = options.networks().get(currency);
        if (names == null && !sim.currencies().contains(currency)) {
            throw p.badRequest("Invalid currency " + currency);
        }
        ArrayNode out = MAPPER.createArrayNode();
        (names == null ? List.<String>of() : names).forEach(out::add);
        return ok(out);
    }

    /** The wrapped answer {@code {code, msg, time, data, success}}, unlike every other endpoint. */
    private Mono<FakeResponse> exchangeRate(Params p) {
        String from = upper(p.required("srcCurrency"));
        String to = upper(p.required("targetCurrency"));
        BigDecimal rate = wallet.rate(from, to).orElseThrow(() -> p.badRequest("No exchange rate for " + from + "/" + to));
        return ok(MAPPER.createObjectNode().put("code", 1).put("msg", "Success").put("time", clock.millis())
                .put("data", number(rate)).put("success", true));
    }

    /** CONVERT: currencies with a rate; WITHDRAW: currencies with a network; SEND: every currency. */
    private Mono<FakeResponse> currencies(Params p) {
        String action = upper(p.required("action"));
        Set<String> out = new LinkedHashSet<>();
        switch (action) {
            case "CONVERT":
                out.addAll(wallet.convertible());
                break;
            case "WITHDRAW":
                options.networks().forEach((currency, names) -> {
                    if (!names.isEmpty()) {
                        out.add(currency);
                    }
                });
                break;
            case "SEND":
                out.addAll(sim.currencies());
                out.addAll(options.networks().keySet());
                break;
            default:
                throw p.badRequest("action must be CONVERT, WITHDRAW or SEND");
        }
        ArrayNode list = MAPPER.createArrayNode();
        out.stream().sorted().forEach(list::add);
        return ok(list);
    }

    // ---------------------------------------------------------------- private

    private Mono<FakeResponse> balances(long account, Params p) {
        return sim.balances(account).map(list -> {
            ArrayNode out = MAPPER.createArrayNode();
            for (SimBalance b : list) {
                if (b.wallet().equals(WALLET)) {
                    out.addObject().put("available", number(b.available())).put("currency", b.currency())
                            .put("total", number(b.total()));
                }
            }
            return BtseWire.ok(out);
        });
    }

    private Mono<FakeResponse> history(long account, Params p) {
        String currency = p.text("currency");
        long start = p.longValue("startTime", Long.MIN_VALUE);
        long end = p.longValue("endTime", Long.MAX_VALUE);
        int count = p.bounded("count", 50, 1, BtseWallet.HISTORY_CAPACITY);
        String username = wallet.user(account).map(BtseWallet.User::username).orElse("");
        // read on the engine's thread, after every deposit submitted before this call (an account's funding
        // included) has been applied and listed
        return sim.call(ex -> historyRows(account, currency, start, end, count, username));
    }

    private FakeResponse historyRows(long account, String currency, long start, long end, int count,
                                     String username) {
        ArrayNode out = MAPPER.createArrayNode();
        for (BtseWallet.Record r : wallet.history(account)) {
            long at = r.time().toEpochMilli();
            if (out.size() >= count || (currency != null && !currency.equalsIgnoreCase(r.currency()))
                    || at < start || at > end) {
                continue;
            }
            ObjectNode row = out.addObject();
            row.put("amount", number(r.amount())).put("currency", r.currency()).put("description", r.description())
                    .put("fees", number(r.fees())).put("orderId", r.orderId());
            if (options.historyAsText()) {
                row.put("status", "COMPLETED").put("type", r.kind().text);
            } else {
                row.put("status", 10).put("type", r.kind().code);
            }
            row.put("timestamp", at).put("username", username).put("wallet", "@SPOT").put("txid", r.txid())
                    .put("currencyNetwork", r.network());
        }
        return BtseWire.ok(out);
    }

    /**
     * Creates an address; while an unused one exists it is answered with status 400 and that address, as
     * the seed says. {@code currency} may carry the network ({@code BTC-LIQUID}) as the seed's example does.
     */
    private Mono<FakeResponse> createAddress(long account, Params p) {
        String[] cn = currencyAndNetwork(p);
        Instant now = clock.instant();
        return Mono.just(wallet.unusedAddress(account, cn[0], cn[1])
                .map(existing -> FakeResponse.json(400, addressList(List.of(existing)).toString()))
                .orElseGet(() -> BtseWire.ok(addressList(List.of(wallet.newAddress(account, cn[0], cn[1], now))))));
    }

    /** A GET whose parameters the seed shows as a JSON body: the query and the body are both read. */
    private Mono<FakeResponse> getAddress(long account, Params p) {
        String[] cn = currencyAndNetwork(p);
        List<BtseWallet.Address> matching = new ArrayList<>();
        for (BtseWallet.Address a : wallet.addresses(account)) {
            if (a.currency.equals(cn[0]) && a.network.equalsIgnoreCase(cn[1])) {
                matching.add(a);
            }
        }
        return ok(addressList(matching));
    }

    private static ArrayNode addressList(List<BtseWallet.Address> list) {
        ArrayNode out = MAPPER.createArrayNode();
        list.forEach(a -> out.addObject().put("address", a.address).put("created", a.created.getEpochSecond()));
        return out;
    }

    /**
     * {@code currency} is a Currency-Network pair ({@code BTC-Bitcoin}); more than eight decimals, or
     * nothing left after an included fee, is 3506; over the balance is 51523. {@code tag} is optional.
     */
    private Mono<FakeResponse> withdraw(long account, Params p) {
        String[] cn = currencyAndNetwork(p);
        String address = p.required("address");
        BigDecimal amount = p.decimal("amount", () -> new io.exflux.testkit.server.RequestRefused(invalidAmount()));
        if (amount == null || amount.signum() <= 0 || amount.stripTrailingZeros().scale() > WITHDRAW_DECIMALS) {
            return Mono.just(invalidAmount());
        }
        boolean feeIncluded = !p.has("includeWithdrawFee") || p.flag("includeWithdrawFee");
        BigDecimal fee = options.withdrawFees().getOrDefault(cn[0], BigDecimal.ZERO);
        if (feeIncluded && amount.compareTo(fee) <= 0) {
            return Mono.just(invalidAmount());
        }
        BigDecimal debit = feeIncluded ? amount : amount.add(fee);
        Instant now = clock.instant();
        return sim.deposit(account, WALLET, cn[0], debit.negate())
                .map(b -> {
                    long id = wallet.record(account, BtseWallet.Kind.WITHDRAW, cn[0], debit, fee, now,
                            "Withdraw to " + address, cn[1]);
                    return BtseWire.ok(MAPPER.createObjectNode().put("withdraw_id", Long.toString(id)));
                })
                .onErrorResume(SimRejectedException.class, e -> Mono.just(insufficient()));
    }

    /** Converts at the configured rate; the settlement is rounded down to eight decimals. */
    private Mono<FakeResponse> convert(long account, Params p) {
        BigDecimal amount = positive(p, "amount");
        String from = upper(p.required("fromAsset"));
        String to = upper(p.required("toAsset"));
        if (from.equals(to) || !wallet.convertible().contains(from) || !wallet.convertible().contains(to)) {
            throw p.badRequest("cannot convert " + from + " to " + to);
        }
        BigDecimal rate = wallet.rate(from, to).orElseThrow(() -> p.badRequest("No exchange rate for " + from + "/" + to));
        BigDecimal settlement = amount.multiply(rate).setScale(BtseWallet.CONVERT_SCALE, RoundingMode.DOWN);
        Instant now = clock.instant();
        return sim.call(ex -> {
            try {
                ex.deposit(account, WALLET, from, amount.negate());
            } catch (SimRejectedException lacking) {
                return insufficient();
            }
            ex.deposit(account, WALLET, to, settlement);
            wallet.record(account, BtseWallet.Kind.CONVERT, from, amount, BigDecimal.ZERO, now, "Convert to " + to, null);
            wallet.record(account, BtseWallet.Kind.CONVERT, to, settlement, BigDecimal.ZERO, now, "Convert from " + from, null);
            return BtseWire.ok(MAPPER.createObjectNode().put("amount", number(amount))
                    .put("settlementAmount", number(settlement)).put("amountCurrency", from)
                    .put("settlementCurrency", to).put("rate", number(rate)));
        });
    }

    /** To another user named by {@code toUser}, whose {@code toUserMail} must match; echoes the request. */
    private Mono<FakeResponse> transfer(long account, Params p) {
        BigDecimal amount = positive(p, "amount");
        String asset = upper(p.required("asset"));
        String toUser = p.required("toUser");
        String toMail = p.required("toUserMail");
        BtseWallet.User to = wallet.byUsername(toUser).filter(u -> u.email().equalsIgnoreCase(toMail.trim()))
                .orElseThrow(() -> p.badRequest("Unknown receiver " + toUser));
        if (to.account() == account) {
            throw p.badRequest("cannot transfer to yourself");
        }
        String from = wallet.user(account).map(BtseWallet.User::username).orElse("");
        Instant now = clock.instant();
        return sim.call(ex -> {
            try {
                ex.deposit(account, WALLET, asset, amount.negate());
            } catch (SimRejectedException lacking) {
                return insufficient();
            }
            ex.deposit(to.account(), WALLET, asset, amount);
            wallet.record(account, BtseWallet.Kind.TRANSFER_OUT, asset, amount, BigDecimal.ZERO, now, "Transfer to " + toUser, null);
            wallet.record(to.account(), BtseWallet.Kind.TRANSFER_IN, asset, amount, BigDecimal.ZERO, now, "Transfer from " + from, null);
            return BtseWire.ok(MAPPER.createObjectNode().put("amount", BtseWire.text(amount)).put("asset", asset)
                    .put("toUser", toUser).put("toUserMail", toMail));
        });
    }

    // ---------------------------------------------------------------- helpers

    /** {@code currency} and {@code network}, or both from {@code CURRENCY-NETWORK}; the network must be the currency's. */
    private String[] currencyAndNetwork(Params p) {
        String currency = upper(p.required("currency"));
        String network = p.text("network");
        int dash = currency.indexOf('-');
        if (network == null && dash > 0) {
            network = currency.substring(dash + 1);
            currency = currency.substring(0, dash);
        }
        List<String> names = options.networks().getOrDefault(currency, List.of());
        if (names.isEmpty()) {
            throw p.badRequest("Invalid currency " + currency);
        }
        String chosen = network == null ? names.get(0) : network.trim();
        String match = names.stream().filter(n -> n.equalsIgnoreCase(chosen)).findFirst()
                .orElseThrow(() -> p.badRequest("Invalid network " + chosen + " for " + p.text("currency")));
        return new String[] {currency, match};
    }

    private static BigDecimal positive(Params p, String name) {
        p.required(name);
        BigDecimal value = p.decimal(name);
        if (value.signum() <= 0) {
            throw p.badRequest("invalid " + name);
        }
        return value;
    }

    private FakeResponse invalidAmount() {
        return BtseWire.error(clock, 400, BtseWire.CRYPTO_WITHDRAW_INVALID_AMOUNT, "CRYPTO_WITHDRAW_INVALID_AMOUNT");
    }

    private FakeResponse insufficient() {
        return BtseWire.error(clock, 400, BtseWire.INSUFFICIENT_WALLET_BALANCE, "BADREQUEST: Insufficient wallet balance");
    }

    private static String upper(String text) {
        return text.trim().toUpperCase(Locale.ROOT);
    }

    private static Mono<FakeResponse> ok(Object node) {
        return Mono.just(BtseWire.ok(node));
    }
}
