package io.exflux.api;

/** One call of the unified API that a venue may or may not serve. */
public enum Capability {
    SERVER_TIME,
    PAIRS,
    TICKER,
    TICKERS,
    ORDER_BOOK,
    TRADES,
    CANDLES,

    PLACE_LIMIT_ORDER,
    PLACE_MARKET_ORDER,
    PLACE_MARKET_ORDER_BY_QUOTE,
    PLACE_STOP_LIMIT_ORDER,
    PLACE_STOP_MARKET_ORDER,
    POST_ONLY,
    CLIENT_ORDER_ID,
    CANCEL_ORDER,
    CANCEL_ALL_ORDERS,
    ORDER,
    OPEN_ORDERS,
    ORDERS,
    MY_TRADES,

    BALANCES,
    DEPOSITS,
    WITHDRAWALS,
    LEDGER,

    WATCH_ORDER_BOOK,
    WATCH_ORDER_BOOK_UPDATES,
    WATCH_TRADES,
    WATCH_TICKER,
    WATCH_ORDERS,
    WATCH_FILLS,
    WATCH_BALANCES,

    /** {@code editOrder}: change an open order's price, size or trigger price in place. */
    EDIT_ORDER,
    /** {@code cancelAllAfter}: the dead-man switch, every open order cancelled unless renewed in time. */
    CANCEL_ALL_AFTER,
    /** {@code fetchTradingFee}: the account's maker and taker fee on one market. */
    FETCH_TRADING_FEE,
    /** {@code fetchTradingFees}: the account's maker and taker fees on every market. */
    FETCH_TRADING_FEES,
    /** {@code fetchDepositAddress}: the address to deposit a currency to, on one network. */
    FETCH_DEPOSIT_ADDRESS,
    /** {@code createDepositAddress}: a new (or the unused) deposit address. */
    CREATE_DEPOSIT_ADDRESS,
    /** {@code withdraw}: send funds to an address on a network. */
    WITHDRAW,
    /** {@code transfer}: move funds to another account of the venue. */
    TRANSFER,
    /** {@code convert}: exchange one currency for another at the venue's rate, outside the order book. */
    CONVERT,
    /** {@code fetchCurrencyNetworks}: the networks a currency can be deposited or withdrawn on. */
    FETCH_CURRENCY_NETWORKS,
    /** {@code fetchExchangeRate}: the venue's rate between two currencies. */
    FETCH_EXCHANGE_RATE
}
