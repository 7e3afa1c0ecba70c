package io.exflux.reactive.venue.btse.model;

/**
 * One message of BTSE's websockets, as the stream client hands it out: data of a topic (book, L1, trade,
 * order notification, fill) or a control message (ack, login answer, error, anything unknown).
 */
public sealed interface BtseWsMessage
        permits BtseWsBook, BtseWsL1, BtseWsTrade, BtseWsOrder, BtseWsFill, BtseWsAck, BtseWsLogin, BtseWsError,
        BtseWsUnknown {
}
