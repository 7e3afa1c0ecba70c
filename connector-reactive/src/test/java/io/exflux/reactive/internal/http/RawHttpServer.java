package io.exflux.reactive.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A loopback HTTP server that answers every request with a hand-written script of raw bytes: what a well-behaved
 * fake venue cannot send (a garbled status line, an endless body, one byte every so often). Runs on plain threads
 * of its own, never on an event loop.
 */
final class RawHttpServer implements AutoCloseable {

    /** What the server writes to one connection once it has read a request's head. */
    @FunctionalInterface
    interface Script {
        void answer(OutputStream out) throws IOException, InterruptedException;
    }

    private final ServerSocket socket;
    private final Thread acceptor;

    private RawHttpServer(Script script) throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket connection = socket.accept();
                    Thread answer = new Thread(() -> serve(connection, script), "raw-http-answer");
                    answer.setDaemon(true);
                    answer.start();
                } catch (IOException closed) {
                    return;
                }
            }
        }, "raw-http-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A server answering every request with {@code script}. */
    static RawHttpServer start(Script script) throws IOException {
        return new RawHttpServer(script);
    }

    /** The base URL, {@code http://127.0.0.1:port}. */
    String baseUrl() {
        return "http://127.0.0.1:" + socket.getLocalPort();
    }

    private static void serve(Socket connection, Script script) {
        try (connection) {
            readHead(connection.getInputStream());
            OutputStream out = connection.getOutputStream();
            script.answer(out);
            out.flush();
        } catch (IOException | InterruptedException clientWentAway) {
            // the client closed the connection: what the scripts of endless answers expect
        }
    }

    private static void readHead(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed before the end of the request head");
            }
            matched = b == end[matched] ? matched + 1 : b == end[0] ? 1 : 0;
        }
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
