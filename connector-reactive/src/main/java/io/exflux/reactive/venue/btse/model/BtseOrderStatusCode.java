package io.exflux.reactive.venue.btse.model;

import io.exflux.api.model.OrderStatus;
import java.util.HashMap;
import java.util.Map;

/**
 * BTSE's numeric status codes ("API Enum"), as order endpoints send them in the {@code status} field of an HTTP 200
 * answer, success or failure. Each code says whether it reports an order (and in which state) or a failure; the
 * failures become typed errors in the client's error table. Codes whose meaning the document does not give
 * ({@code 101}, {@code 110}, {@code 124}, {@code 30410}) and codes it does not list are {@link #UNKNOWN}: an order
 * endpoint answering one of them is an answer we cannot read, and a placement that gets one is reconciled by its
 * {@code clOrderID} like any other unknown outcome.
 */
public enum BtseOrderStatusCode {
    TIMEOUT(-1, Kind.AMBIGUOUS, null),
    MARKET_UNAVAILABLE(1, Kind.REFUSED, null),
    ORDER_INSERTED(2, Kind.ORDER, OrderStatus.OPEN),
    ORDER_FULLY_TRANSACTED(4, Kind.ORDER, OrderStatus.FILLED),
    ORDER_PARTIALLY_TRANSACTED(5, Kind.ORDER, OrderStatus.PARTIALLY_FILLED),
    ORDER_CANCELLED(6, Kind.ORDER, OrderStatus.CANCELED),
    ORDER_REFUNDED(7, Kind.ORDER, OrderStatus.CANCELED),
    INSUFFICIENT_BALANCE(8, Kind.INSUFFICIENT_FUNDS, null),
    TRIGGER_INSERTED(9, Kind.ORDER, OrderStatus.PENDING),
    TRIGGER_ACTIVATED(10, Kind.ORDER, OrderStatus.OPEN),
    ERROR_INVALID_CURRENCY(11, Kind.REFUSED, null),
    ERROR_UPDATE_RISK_LIMIT(12, Kind.REFUSED, null),
    ERROR_INVALID_LEVERAGE(13, Kind.REFUSED, null),
    ORDER_REJECTED(15, Kind.REFUSED, null),
    ORDER_NOTFOUND(16, Kind.NOT_FOUND, null),
    REQUEST_FAILED(17, Kind.FAILED, null),
    SUCCESS(20, Kind.ORDER, OrderStatus.PENDING),
    FREEZE_SUCCESSFUL(21, Kind.ORDER, OrderStatus.PENDING),
    TRANSFER_SUCCESSFUL(27, Kind.ORDER, OrderStatus.PENDING),
    TRANSFER_UNSUCCESSFUL(28, Kind.FAILED, null),
    QUERY_29(29, Kind.ORDER, OrderStatus.UNKNOWN),
    QUERY_31(31, Kind.ORDER, OrderStatus.UNKNOWN),
    QUERY_33(33, Kind.ORDER, OrderStatus.UNKNOWN),
    QUERY_34(34, Kind.ORDER, OrderStatus.UNKNOWN),
    QUERY_36(36, Kind.ORDER, OrderStatus.UNKNOWN),
    ERROR_INVALID_RISK_LIMIT(41, Kind.REFUSED, null),
    QUERY_51(51, Kind.ORDER, OrderStatus.UNKNOWN),
    STATUS_LIQUIDATION(64, Kind.ORDER, OrderStatus.UNKNOWN),
    STATUS_ACTIVE(65, Kind.ORDER, OrderStatus.OPEN),
    MODE_BUY(66, Kind.ORDER, OrderStatus.UNKNOWN),
    ORDER_TYPE_LIMIT(76, Kind.ORDER, OrderStatus.UNKNOWN),
    ORDER_TYPE_MARKET(77, Kind.ORDER, OrderStatus.UNKNOWN),
    ORDER_TYPE_PEG(80, Kind.ORDER, OrderStatus.UNKNOWN),
    ORDER_TYPE_OTC(81, Kind.ORDER, OrderStatus.UNKNOWN),
    MODE_SELL(83, Kind.ORDER, OrderStatus.UNKNOWN),
    STATUS_PROCESSING(85, Kind.ORDER, OrderStatus.PENDING),
    STATUS_INACTIVE(88, Kind.ORDER, OrderStatus.UNKNOWN),
    AMEND_ORDER(123, Kind.ORDER, OrderStatus.OPEN),
    ERROR_MAX_ORDER_SIZE_EXCEEDED(300, Kind.REFUSED, null),
    ERROR_INVALID_ORDER_SIZE(301, Kind.REFUSED, null),
    ERROR_INVALID_ORDER_PRICE(302, Kind.REFUSED, null),
    ERROR_RATE_LIMITS_EXCEEDED(303, Kind.RATE_LIMITED, null),
    ERROR_MAX_OPEN_ORDER_EXCEEDED(304, Kind.REFUSED, null),
    ORDER_LIQUIDATION(1003, Kind.ORDER, OrderStatus.UNKNOWN),
    ORDER_ADL(1004, Kind.ORDER, OrderStatus.UNKNOWN),
    /** 101, 110, 124, 30410 (listed without a meaning) and any code the document does not list. */
    UNKNOWN(Integer.MIN_VALUE, Kind.UNREADABLE, null);

    /** What a code in an order endpoint's answer means for the caller. */
    public enum Kind {
        /** It reports an order: the answer is that order, in {@link #orderStatus()}. */
        ORDER,
        /** The venue refused the request ({@code InvalidRequestException}). */
        REFUSED,
        /** Not enough funds ({@code InsufficientFundsException}). */
        INSUFFICIENT_FUNDS,
        /** No such order ({@code NotFoundException}). */
        NOT_FOUND,
        /** Too many requests ({@code RateLimitedException}). */
        RATE_LIMITED,
        /** The venue says the request failed ({@code ExchangeException}, not transient). */
        FAILED,
        /** The venue timed out: it may have acted ({@code ExchangeUnavailableException}, an unknown outcome). */
        AMBIGUOUS,
        /** A code whose meaning is not documented ({@code ProtocolException}, an unknown outcome). */
        UNREADABLE
    }

    private static final Map<Integer, BtseOrderStatusCode> BY_CODE = new HashMap<>();

    static {
        for (BtseOrderStatusCode value : values()) {
            if (value != UNKNOWN) {
                BY_CODE.put(value.code, value);
            }
        }
    }

    private final int code;
    private final Kind kind;
    private final OrderStatus orderStatus;

    BtseOrderStatusCode(int code, Kind kind, OrderStatus orderStatus) {
        this.code = code;
        this.kind = kind;
        this.orderStatus = orderStatus;
    }

    /** The code of a number, {@link #UNKNOWN} for one the document does not give a meaning. */
    public static BtseOrderStatusCode of(int code) {
        return BY_CODE.getOrDefault(code, UNKNOWN);
    }

    /** The code of a number sent as text, {@link #UNKNOWN} for anything else (also {@code null}). */
    public static BtseOrderStatusCode of(String code) {
        if (code == null) {
            return UNKNOWN;
        }
        try {
            return of(Integer.parseInt(code.trim()));
        } catch (NumberFormatException e) {
            return UNKNOWN;
        }
    }

    /** The number BTSE sends ({@link Integer#MIN_VALUE} for {@link #UNKNOWN}). */
    public int code() {
        return code;
    }

    /** What the code means for the caller. */
    public Kind kind() {
        return kind;
    }

    /** The unified state of an order reported with this code, {@code null} for the failures. */
    public OrderStatus orderStatus() {
        return orderStatus;
    }
}
