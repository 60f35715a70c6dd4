package org.bmsworkbench.sim.wire;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;

/**
 * A bounded in-memory byte channel between two threads: the in-process line. Reads block until bytes
 * arrive or the pipe closes; a write into a full pipe blocks like a full UART buffer; after
 * {@link #close()} both sides see an {@link IOException} ("disconnected").
 */
public final class BytePipe {

    private final byte[] ring;
    private int head;
    private int size;
    private boolean closed;

    public BytePipe(int capacity) {
        ring = new byte[capacity];
    }

    public synchronized void close() {
        closed = true;
        notifyAll();
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    private synchronized void write(byte[] b, int off, int len) throws IOException {
        int i = 0;
        while (i < len) {
            while (size == ring.length && !closed) {
                waitInterruptibly();
            }
            if (closed) {
                throw new IOException("disconnected");
            }
            while (i < len && size < ring.length) {
                ring[(head + size) % ring.length] = b[off + i++];
                size++;
            }
            notifyAll();
        }
    }

    private synchronized int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (size == 0 && !closed) {
            waitInterruptibly();
        }
        if (size == 0) {
            throw new IOException("disconnected");
        }
        int n = Math.min(len, size);
        for (int i = 0; i < n; i++) {
            b[off + i] = ring[head];
            head = (head + 1) % ring.length;
        }
        size -= n;
        notifyAll();
        return n;
    }

    private synchronized int available() throws IOException {
        if (closed && size == 0) {
            throw new IOException("disconnected");
        }
        return size;
    }

    private void waitInterruptibly() throws InterruptedIOException {
        try {
            wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting on the line");
        }
    }

    public InputStream inputStream() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return BytePipe.this.read(one, 0, 1) == 1 ? one[0] & 0xFF : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return BytePipe.this.read(b, off, len);
            }

            @Override
            public int available() throws IOException {
                return BytePipe.this.available();
            }

            @Override
            public void close() {
                BytePipe.this.close();
            }
        };
    }

    public OutputStream outputStream() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                BytePipe.this.write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                BytePipe.this.write(b, off, len);
            }

            @Override
            public void close() {
                BytePipe.this.close();
            }
        };
    }
}
