package io.exflux.testkit.chaos;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;

/** A plain blocking socket client for the test thread: what a client of the proxy sees. */
final class RawClient implements AutoCloseable {

    private static final int WAIT_MILLIS = 15_000; // generous: 2 shared cores under load

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    RawClient(int port) {
        try {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(WAIT_MILLIS);
            in = socket.getInputStream();
            out = socket.getOutputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void send(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads exactly this many bytes; fails when the connection ends or nothing comes for a while. */
    byte[] read(int count) {
        try {
            socket.setSoTimeout(WAIT_MILLIS);
            byte[] bytes = in.readNBytes(count);
            if (bytes.length < count) {
                throw new AssertionError("connection ended after " + bytes.length + " of " + count + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Everything until the connection ends (fails on a reset or when it does not end). */
    byte[] readToEnd() {
        try {
            socket.setSoTimeout(WAIT_MILLIS);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails when a byte arrives or the connection ends within the window. */
    void expectNothingFor(Duration window) {
        try {
            socket.setSoTimeout((int) window.toMillis());
            int next = in.read();
            throw new AssertionError(next < 0 ? "the connection ended" : "a byte arrived: " + next);
        } catch (SocketTimeoutException expected) {
            // nothing came: what a stall looks like
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What reading gives once the proxy ends the connection: the error, or null on a clean end. */
    IOException readUntilEnd() {
        try {
            socket.setSoTimeout(WAIT_MILLIS);
            byte[] rest = in.readAllBytes();
            if (rest.length > 0) {
                throw new AssertionError("unexpected bytes: " + Arrays.toString(rest));
            }
            return null;
        } catch (SocketTimeoutException stillOpen) {
            throw new AssertionError("the connection did not end", stillOpen);
        } catch (IOException e) {
            return e;
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a test socket: nothing to do
        }
    }
}
