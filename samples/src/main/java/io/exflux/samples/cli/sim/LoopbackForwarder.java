package io.exflux.samples.cli.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Listens on a port the user chose, on loopback, and passes every connection byte for byte to a
 * simulator listening on a port of its own (the simulators bind an ephemeral port). HTTP and websocket
 * upgrades pass through unchanged. Plain threads, two per connection: this is a demo server for one
 * user on one machine, not a proxy for load.
 */
final class LoopbackForwarder implements AutoCloseable {

    private final ServerSocket listener;
    private final int targetPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;

    private LoopbackForwarder(ServerSocket listener, int targetPort) {
        this.listener = listener;
        this.targetPort = targetPort;
        this.acceptor = new Thread(this::acceptLoop, "exflux-sim-port-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Listens on {@code 127.0.0.1:port} and forwards to {@code 127.0.0.1:targetPort}. */
    static LoopbackForwarder start(int port, int targetPort) throws IOException {
        ServerSocket listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return new LoopbackForwarder(listener, targetPort);
    }

    /**
     * Forwards {@code port} to {@code targetPort}, or nothing (null) when {@code port} is 0 and clients may use
     * the target's own ephemeral port.
     *
     * @throws UncheckedIOException when {@code port} cannot be listened on (taken, or privileged)
     */
    static LoopbackForwarder onPort(int port, int targetPort) {
        if (port == 0) {
            return null;
        }
        try {
            return start(port, targetPort);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
    }

    int port() {
        return listener.getLocalPort();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                client.setTcpNoDelay(true);
                target.setTcpNoDelay(true);
                open.add(client);
                open.add(target);
                pipe(client, target);
                pipe(target, client);
            } catch (IOException e) {
                // the listener was closed, or the simulator refused one connection: go on until closed
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // one side closed: close both below
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "exflux-sim-pipe");
        thread.setDaemon(true);
        thread.start();
    }

    private void closeQuietly(Socket socket) {
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            // already closed
        }
        open.forEach(this::closeQuietly);
    }
}
