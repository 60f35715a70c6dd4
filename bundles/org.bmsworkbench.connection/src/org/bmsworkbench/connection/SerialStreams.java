package org.bmsworkbench.connection;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortDataListener;
import com.fazecast.jSerialComm.SerialPortEvent;

/**
 * Streams over an open jSerialComm port that fail loudly. jSerialComm does not close a port whose adapter
 * was pulled, and its own streams report that as "0 bytes available" forever; here every sign of a lost
 * device (the disconnect event, a negative count, a short write, the device file gone) becomes an
 * {@link IOException}, which is what makes the bus close the port and reopen it.
 */
final class SerialStreams {

    /** How often a silent port's device file is looked for; a stat a second costs nothing next to a poll. */
    private static final long LOOK_NANOS = 1_000_000_000L;

    private SerialStreams() {
    }

    static Port port(String name, SerialPort port) {
        Lost lost = new Lost(name);
        // A pulled USB adapter's /dev node (or a by-id link, or a socat pty's link) vanishes, while the still-open
        // descriptor may go on saying "nothing yet"; Windows port names have no file to look for.
        Path device = name.startsWith("/") ? Path.of(name) : null;
        long[] lastLook = { System.nanoTime() };
        port.addDataListener(new SerialPortDataListener() {
            @Override
            public int getListeningEvents() {
                return SerialPort.LISTENING_EVENT_PORT_DISCONNECTED;
            }

            @Override
            public void serialEvent(SerialPortEvent event) {
                if (event.getEventType() == SerialPort.LISTENING_EVENT_PORT_DISCONNECTED) {
                    lost.set("the adapter was disconnected");
                }
            }
        });
        InputStream in = new InputStream() {
            @Override
            public int available() throws IOException {
                lost.check();
                long now = System.nanoTime();
                if (device != null && now - lastLook[0] >= LOOK_NANOS) {
                    lastLook[0] = now;
                    if (!Files.exists(device)) {
                        lost.set("the device " + name + " is gone");
                        lost.check();
                    }
                }
                int n = port.bytesAvailable();
                if (n < 0) {
                    lost.set("the port stopped answering (error " + port.getLastErrorCode() + ")");
                    lost.check();
                }
                return n;
            }

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n = read(one, 0, 1);
                return n <= 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                lost.check();
                if (len == 0) {
                    return 0;
                }
                int n = port.readBytes(b, len, off);
                if (n < 0) {
                    lost.set("reading failed (error " + port.getLastErrorCode() + ")");
                    lost.check();
                }
                return n;
            }
        };
        OutputStream out = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] { (byte) b }, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                lost.check();
                int written = 0;
                while (written < len) {
                    int n = port.writeBytes(b, len - written, off + written);
                    if (n < 0) {
                        lost.set("writing failed (error " + port.getLastErrorCode() + ")");
                        lost.check();
                    }
                    if (n == 0) {
                        LockSupport.parkNanos(100_000);
                    }
                    written += n;
                }
            }
        };
        return Port.of(name, in, out, () -> {
            port.removeDataListener();
            if (!port.closePort() && port.isOpen()) {
                throw new IOException("could not close " + name + " (error " + port.getLastErrorCode() + ")");
            }
        });
    }

    /** The first reason the port was found lost; stays set. */
    private static final class Lost {
        private final String name;
        private volatile String reason;

        Lost(String name) {
            this.name = name;
        }

        void set(String why) {
            if (reason == null) {
                reason = why;
            }
        }

        void check() throws IOException {
            String r = reason;
            if (r != null) {
                throw new IOException(name + ": " + r);
            }
        }
    }
}
