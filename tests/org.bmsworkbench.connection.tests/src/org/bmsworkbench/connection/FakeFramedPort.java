package org.bmsworkbench.connection;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.bmsworkbench.protocol.device.DeviceBus;
import org.bmsworkbench.protocol.device.DeviceCodec;

/** Frames only: its streams fail the test if anything touches them. The simulated boards answer each frame. */
final class FakeFramedPort implements Port {
    final DeviceCodec codec;
    final DeviceBus bus;
    final List<byte[]> sent = new CopyOnWriteArrayList<>();
    final List<byte[]> before = new CopyOnWriteArrayList<>();
    final LinkedBlockingQueue<byte[]> incoming = new LinkedBlockingQueue<>();

    FakeFramedPort(DeviceCodec codec, DeviceBus bus) {
        this.codec = codec;
        this.bus = bus;
    }

    @Override
    public boolean framed() {
        return true;
    }

    @Override
    public void sendFrame(byte[] frame) {
        sent.add(frame.clone());
        incoming.addAll(before);
        before.clear();
        Optional<byte[]> answer = codec.answer(frame, bus);
        answer.ifPresent(incoming::add);
    }

    @Override
    public byte[] receiveFrame(long timeoutMillis) throws IOException {
        try {
            return timeoutMillis <= 0 ? incoming.poll() : incoming.poll(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    @Override
    public InputStream in() {
        throw new AssertionError("a framed port's stream was read");
    }

    @Override
    public OutputStream out() {
        throw new AssertionError("a framed port's stream was written");
    }

    @Override
    public String name() {
        return "framed";
    }

    @Override
    public void close() {
    }
}
