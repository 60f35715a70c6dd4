package org.bmsworkbench.connection;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;

/** Opens the lines a bus can run on: serial ports through jSerialComm, and TCP RS485 gateways. */
public final class Ports {

    private Ports() {
    }

    /**
     * Opens a serial port by name ({@code /dev/ttyUSB0}, {@code COM3}, or a pty such as {@code /dev/pts/4}).
     *
     * @param parity 'N', 'E' or 'O'
     * @throws IOException with a message a person can act on when the port cannot be opened
     */
    public static Port serial(String name, int baud, int dataBits, char parity, int stopBits) throws IOException {
        if (baud < 300 || baud > 4_000_000) {
            throw new IllegalArgumentException("baud rate " + baud + " is outside 300..4000000");
        }
        if (dataBits < 5 || dataBits > 8) {
            throw new IllegalArgumentException(dataBits + " data bits is outside 5..8");
        }
        if (stopBits != 1 && stopBits != 2) {
            throw new IllegalArgumentException(stopBits + " stop bits: 1 or 2");
        }
        int parityCode = switch (Character.toUpperCase(parity)) {
            case 'N' -> SerialPort.NO_PARITY;
            case 'E' -> SerialPort.EVEN_PARITY;
            case 'O' -> SerialPort.ODD_PARITY;
            default -> throw new IllegalArgumentException("parity '" + parity + "': N, E or O");
        };
        SerialPort port;
        try {
            port = SerialPort.getCommPort(name);
        } catch (SerialPortInvalidPortException e) {
            throw new IOException("cannot open serial port " + name + ": there is no such port", e);
        }
        port.setComPortParameters(baud, dataBits, stopBits == 1 ? SerialPort.ONE_STOP_BIT : SerialPort.TWO_STOP_BITS,
                parityCode);
        // reads never wait: the transaction runner polls available() against its own deadline
        port.setComPortTimeouts(SerialPort.TIMEOUT_NONBLOCKING, 0, 0);
        if (!port.openPort()) {
            throw new IOException("cannot open serial port " + name + " (error " + port.getLastErrorCode()
                    + "): is it there, and free, and may this user open it?");
        }
        return SerialStreams.port(name, port);
    }

    /** Connects to an RS485-to-Ethernet gateway that passes the serial bytes through (raw RTU or ASCII over TCP). */
    public static Port tcp(String host, int port, int connectTimeoutMillis) throws IOException {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("TCP port " + port + " is outside 1..65535");
        }
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), connectTimeoutMillis);
            socket.setTcpNoDelay(true);
        } catch (IOException e) {
            socket.close();
            throw new IOException("cannot reach the gateway " + host + ":" + port + ": " + e.getMessage(), e);
        }
        return Port.of("tcp " + host + ":" + port, socket.getInputStream(), socket.getOutputStream(), socket::close);
    }
}
