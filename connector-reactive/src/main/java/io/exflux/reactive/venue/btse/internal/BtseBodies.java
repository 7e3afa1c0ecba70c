package io.exflux.reactive.venue.btse.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.exflux.reactive.internal.codec.Json;
import io.exflux.reactive.venue.btse.model.BtseAmendRequest;
import io.exflux.reactive.venue.btse.model.BtseOrderRequest;
import io.exflux.reactive.venue.btse.model.BtseWithdrawalRequest;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON bodies BTSE's POST and PUT calls send, written once (the signature covers these bytes): keys in
 * alphabetical order, {@code null} values left out, numbers as given (the order's {@code 8500.0} stays
 * {@code 8500.0}, never {@code 8.5E+3}). Wallet amounts go as strings, as the wallet document's examples send them.
 */
public final class BtseBodies {

    private BtseBodies() {
    }

    /** {@code POST /api/v3.2/order}. */
    public static byte[] order(BtseOrderRequest r) {
        Map<String, Object> body = new TreeMap<>();
        body.put("symbol", r.symbol());
        body.put("size", r.size());
        body.put("side", r.side());
        body.put("type", r.type() == null ? null : r.type().name());
        body.put("price", r.price());
        body.put("time_in_force", r.timeInForce() == null ? null : r.timeInForce().name());
        body.put("txType", r.txType() == null ? null : r.txType().name());
        body.put("stopPrice", r.stopPrice());
        body.put("triggerPrice", r.triggerPrice());
        body.put("trailValue", r.trailValue());
        body.put("postOnly", r.postOnly());
        body.put("clOrderID", r.clOrderID());
        body.put("stealth", r.stealth());
        body.put("deviation", r.deviation());
        body.put("triggerPriceType", r.triggerPriceType());
        return write(body);
    }

    /** {@code PUT /api/v3.2/order}. */
    public static byte[] amend(BtseAmendRequest r) {
        Map<String, Object> body = new TreeMap<>();
        body.put("symbol", r.symbol());
        body.put("orderID", r.orderID());
        body.put("clOrderID", r.clOrderID());
        body.put("type", r.type() == null ? null : r.type().name());
        body.put("value", r.value());
        body.put("orderPrice", r.orderPrice());
        body.put("orderSize", r.orderSize());
        body.put("triggerPrice", r.triggerPrice());
        return write(body);
    }

    /** {@code POST /api/v3.2/order/cancelAllAfter}: the timeout in milliseconds. */
    public static byte[] cancelAllAfter(long timeoutMillis) {
        return write(Map.of("timeout", timeoutMillis));
    }

    /** {@code POST /api/v3.2/user/wallet/address}. */
    public static byte[] depositAddress(String currency, String network) {
        Map<String, Object> body = new TreeMap<>();
        body.put("currency", currency);
        body.put("network", network);
        return write(body);
    }

    /** {@code POST /api/v3.2/user/wallet/withdraw}: the tag is sent (empty when none: the document requires it). */
    public static byte[] withdraw(BtseWithdrawalRequest r) {
        Map<String, Object> body = new TreeMap<>();
        body.put("currency", r.currency());
        body.put("address", r.address());
        body.put("tag", r.tag() == null ? "" : r.tag());
        body.put("amount", r.amount().toPlainString());
        body.put("includeWithdrawFee", r.includeWithdrawFee());
        return write(body);
    }

    /** {@code POST /api/v3.2/user/wallet/convert}. */
    public static byte[] convert(String fromAsset, String toAsset, BigDecimal amount) {
        Map<String, Object> body = new TreeMap<>();
        body.put("amount", amount.toPlainString());
        body.put("fromAsset", fromAsset);
        body.put("toAsset", toAsset);
        return write(body);
    }

    /** {@code POST /api/v3.2/user/wallet/transfer}. */
    public static byte[] transfer(String asset, BigDecimal amount, String toUser, String toUserMail,
                                  Boolean useNewSymbolNaming) {
        Map<String, Object> body = new TreeMap<>();
        body.put("amount", amount.toPlainString());
        body.put("asset", asset);
        body.put("toUser", toUser);
        body.put("toUserMail", toUserMail);
        body.put("useNewSymbolNaming", useNewSymbolNaming);
        return write(body);
    }

    private static byte[] write(Map<String, Object> fields) {
        ObjectNode node = Json.mapper().createObjectNode();
        fields.forEach((name, value) -> {
            if (value instanceof BigDecimal number) {
                node.put(name, number);
            } else if (value instanceof Boolean flag) {
                node.put(name, flag);
            } else if (value instanceof Long whole) {
                node.put(name, whole);
            } else if (value != null) {
                node.put(name, value.toString());
            }
        });
        try {
            return Json.mapper().writer().with(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                    .writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
