package io.exflux.reactive.venue.alp.model;

/**
 * One frame of ALP's websocket, decoded. Frames are JSON arrays whose element 0 names the type and
 * element 1 is the time in unix seconds (integer or fraction); the text frame {@code 1} is the
 * venue's documented ping.
 */
public sealed interface AlpMessage permits AlpWelcome, AlpAck, AlpWsError, AlpTickerUpdate, AlpWsTrade, AlpRates,
        AlpDiff, AlpDepth, AlpWsOrder, AlpWsWallet, AlpWsAccountTrade, AlpTextPing, AlpUnknownMessage {
}
