package io.exflux.reactive.venue.v1.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.exflux.reactive.internal.codec.JsonValues;
import io.exflux.reactive.internal.engineio.BoundedTokens;
import io.exflux.reactive.internal.http.AnswerReader;
import io.exflux.reactive.venue.v1.model.V1Wallet;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Streaming readers of v1 REST answers (no tree) for the answers a trading loop asks for again and again: the
 * wallets. Each gives what {@link V1Codec} gives from the tree for the same body, or declines ({@code null}) so that
 * the tree reads it and gives its own value or error: a body that is not an array of objects, a field missing,
 * {@code null} or given twice, a currency that is not a non-empty string, a number that does not read, a number out
 * of range or an integer beyond a {@code long} anywhere in the body (the tree's parser refuses the whole body for
 * either).
 */
public final class V1AnswerReaders {

    /** {@code GET /v1/wallets/}, as {@code V1Codec.list(tree, V1Codec::wallet)}. */
    public static final AnswerReader<List<V1Wallet>> WALLETS = V1AnswerReaders::wallets;

    private V1AnswerReaders() {
    }

    private static List<V1Wallet> wallets(JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_ARRAY) {
            return null;
        }
        List<V1Wallet> wallets = new ArrayList<>();
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.START_OBJECT) {
            V1Wallet wallet = wallet(parser);
            if (wallet == null) {
                return null;
            }
            wallets.add(wallet);
        }
        return token == JsonToken.END_ARRAY ? wallets : null;
    }

    /** The wallet of the object the parser stands on, the parser left on its end; {@code null} to decline. */
    private static V1Wallet wallet(JsonParser parser) throws IOException {
        String currency = null;
        BigDecimal balance = null;
        BigDecimal reserve = null;
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("currency".equals(name)) {
                if (currency != null || value != JsonToken.VALUE_STRING || parser.getTextLength() == 0) {
                    return null;
                }
                currency = JsonValues.text(parser);
            } else if ("balance".equals(name)) {
                if (balance != null || !isNumberOrText(parser)) {
                    return null;
                }
                balance = JsonValues.decimal(parser);
            } else if ("reserve".equals(name)) {
                if (reserve != null || !isNumberOrText(parser)) {
                    return null;
                }
                reserve = JsonValues.decimal(parser);
            } else if (value == JsonToken.NOT_AVAILABLE) {
                return null;
            } else {
                BoundedTokens.skipAsTheTreeReads(parser); // a field the record does not use, its numbers checked
            }
        }
        return token != JsonToken.END_OBJECT || currency == null || balance == null || reserve == null ? null
                : new V1Wallet(currency, balance, reserve);
    }

    /** A number or a text; not an integer beyond a {@code long}, which the tree's parser refuses. */
    private static boolean isNumberOrText(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        return token == JsonToken.VALUE_NUMBER_INT ? !BoundedTokens.isBigInteger(parser)
                : token == JsonToken.VALUE_NUMBER_FLOAT || token == JsonToken.VALUE_STRING;
    }
}
