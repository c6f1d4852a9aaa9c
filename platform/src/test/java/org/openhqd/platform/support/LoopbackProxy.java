package org.openhqd.platform.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on a free loopback port that forwards to one server, and that a test can cut (every
 * open connection is closed, new ones are closed as soon as they arrive) and restore. The broker
 * tests point the application at this instead of stopping RabbitMQ itself: to the application it is
 * the same as the broker going away (connections drop, reconnects fail), it needs no root, and
 * other tests and services using the real broker at the same time are not disturbed.
 */
public final class LoopbackProxy implements AutoCloseable {

    private final ServerSocket server;
    private final String targetHost;
    private final int targetPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean down;

    public LoopbackProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        daemon("proxy-accept", this::acceptLoop);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The server "goes away": open connections drop and new ones are refused from now on. */
    public void cut() {
        down = true;
        for (Socket s : open) {
            closeQuietly(s);
        }
    }

    public void restore() {
        down = false;
    }

    @Override
    public void close() {
        cut();
        closeQuietly(server);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            if (down) {
                closeQuietly(client);
                continue;
            }
            try {
                Socket upstream = new Socket(targetHost, targetPort);
                open.add(client);
                open.add(upstream);
                daemon("proxy-up", () -> pump(client, upstream));
                daemon("proxy-down", () -> pump(upstream, client));
            } catch (IOException e) {
                closeQuietly(client);
            }
        }
    }

    /** Copies one direction; when either side ends, both sockets close, as a dropped connection would. */
    private void pump(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException ignored) {
            // the connection was cut or closed by one side
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void daemon(String name, Runnable task) {
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
