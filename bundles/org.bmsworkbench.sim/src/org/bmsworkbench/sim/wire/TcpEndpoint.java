package org.bmsworkbench.sim.wire;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * Raw RTU (or ASCII) over TCP, the way RS485-to-Ethernet gateways pass the serial bytes through: the
 * bytes on the socket are the bytes on the line, with no MBAP header.
 */
public final class TcpEndpoint implements Endpoint {

    private final ServerSocket server;

    public TcpEndpoint(String host, int port) throws IOException {
        server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getByName(host), port));
    }

    /** Parses {@code host:port}. */
    public static TcpEndpoint open(String hostPort) throws IOException {
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("'" + hostPort + "' is not host:port, e.g. 127.0.0.1:5020");
        }
        int port;
        try {
            port = Integer.parseInt(hostPort.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port '" + hostPort.substring(colon + 1) + "' is not a number", e);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is outside 0..65535");
        }
        return new TcpEndpoint(hostPort.substring(0, colon), port);
    }

    public int port() {
        return server.getLocalPort();
    }

    @Override
    public Link accept() throws IOException {
        Socket socket = server.accept();
        socket.setTcpNoDelay(true);
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        String name = "tcp " + socket.getRemoteSocketAddress();
        return Link.of(name, in, out, () -> {
            try {
                socket.close();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("closing " + name, e);
            }
        });
    }

    @Override
    public String describe() {
        return server.getInetAddress().getHostAddress() + ":" + server.getLocalPort();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("closing the TCP endpoint", e);
        }
    }
}
