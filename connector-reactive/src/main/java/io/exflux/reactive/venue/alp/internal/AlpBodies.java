package io.exflux.reactive.venue.alp.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.exflux.reactive.internal.codec.Json;
import io.exflux.reactive.venue.alp.model.AlpCancelRequest;
import io.exflux.reactive.venue.alp.model.AlpOrderRequest;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

/**
 * Serialises request bodies once, to the exact bytes that are signed and sent (venue rule 5, docs/venues/README.md). Field
 * names and order follow the document; amounts and prices are decimal strings (the document's form,
 * not the official client's floats, docs/venues/alp.md, drift 18); absent fields are left out.
 */
public final class AlpBodies {

    private AlpBodies() {
    }

    /** The place-order body. */
    public static byte[] placeOrder(AlpOrderRequest request) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("pair", request.pair());
        body.put("order_type", request.orderType().name());
        body.put("order_side", request.side().name());
        body.put("wallet_type", request.walletType().requestValue());
        decimal(body, "base_amount", request.baseAmount());
        decimal(body, "quote_amount", request.quoteAmount());
        decimal(body, "limit_price", request.limitPrice());
        decimal(body, "stop_price", request.stopPrice());
        if (request.stopOperator() != null) {
            body.put("stop_operator", request.stopOperator().name());
        }
        if (request.clientOrderId() != null) {
            body.put("client_order_id", request.clientOrderId());
        }
        if (request.postOnly() != null) {
            body.put("post_only", request.postOnly());
        }
        return bytes(body);
    }

    /** The cancel body: exactly one of {@code order_ids}, {@code all}, {@code pair}. */
    public static byte[] cancel(AlpCancelRequest request) {
        ObjectNode body = Json.mapper().createObjectNode();
        if (request instanceof AlpCancelRequest.ByIds ids) {
            ArrayNode array = body.putArray("order_ids");
            ids.orderIds().forEach(array::add);
        } else if (request instanceof AlpCancelRequest.ByPair byPair) {
            body.put("pair", byPair.pair());
        } else {
            body.put("all", true);
        }
        return bytes(body);
    }

    /** The token request {@code {"api_key":..,"api_secret":..}}. The bytes hold the secret: never log them. */
    public static byte[] auth(String apiKey, String apiSecret) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("api_key", apiKey);
        body.put("api_secret", apiSecret);
        return bytes(body);
    }

    private static void decimal(ObjectNode body, String name, BigDecimal value) {
        if (value != null) {
            body.put(name, value.toPlainString());
        }
    }

    private static byte[] bytes(ObjectNode body) {
        try {
            return Json.mapper().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
