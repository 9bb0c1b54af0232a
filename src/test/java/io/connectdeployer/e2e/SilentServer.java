package io.connectdeployer.e2e;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/** Takes every connection and never answers: a Connect that hangs, as far as any client can tell. */
final class SilentServer implements AutoCloseable {

    private final ServerSocket socket;
    private final List<Socket> held = new ArrayList<>();

    private SilentServer(ServerSocket socket) {
        this.socket = socket;
    }

    static SilentServer start() throws IOException {
        SilentServer server = new SilentServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
        Thread acceptor = new Thread(server::hold, "silent-server");
        acceptor.setDaemon(true);
        acceptor.start();
        return server;
    }

    String url() {
        return "http://127.0.0.1:" + socket.getLocalPort();
    }

    /** The connections taken so far: one per attempt, since a timed-out connection is not used again. */
    synchronized int connections() {
        return held.size();
    }

    private void hold() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                synchronized (this) {
                    held.add(connection);
                }
            } catch (IOException closed) {
                return;
            }
        }
    }

    @Override
    public synchronized void close() throws IOException {
        socket.close();
        for (Socket connection : held) {
            connection.close();
        }
    }
}
