package org.bmsworkbench.protocol.daly;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

import org.bmsworkbench.protocol.DecodeResult;
import org.bmsworkbench.protocol.ProtocolError.Kind;
import org.bmsworkbench.protocol.ScanningFrameDecoder;

/**
 * Cuts the reply to one pending Daly request out of a byte stream. Frames are 13 bytes from {@code A5}; our own
 * request read back, a frame of another host, a frame from another address, a frame for another command and a
 * bad checksum are reported and dropped. Cell voltages (0x95) and temperatures (0x96) arrive as several frames for
 * one request: the decoder collects as many as the request expects and hands them on together, in arrival order.
 */
final class DalyFrameDecoder extends ScanningFrameDecoder {

    /** Room for the longest reply (16 frames) twice over. */
    static final int CAPACITY = 2 * DalyFrames.MAX_FRAMES * DalyFrames.LENGTH;

    private final DalyRequest pending;
    private final byte[] request;
    private final int frames;
    private final ByteArrayOutputStream collected = new ByteArrayOutputStream();

    DalyFrameDecoder(DalyRequest pending) {
        super(CAPACITY);
        this.pending = pending;
        this.request = pending.frame();
        this.frames = pending.frames();
    }

    @Override
    public int buffered() {
        return length + collected.size();
    }

    /** The frames of a reply of several are collected and handed on together, in arrival order. */
    @Override
    protected DecodeResult taken(DecodeResult.Frame frame) {
        collected.writeBytes(frame.bytes());
        if (collected.size() < frames * DalyFrames.LENGTH) {
            return null;
        }
        byte[] whole = collected.toByteArray();
        collected.reset();
        return new DecodeResult.Frame(whole);
    }

    @Override
    protected Outcome classify(int pos) {
        if ((buffer[pos] & 0xFF) != DalyFrames.START) {
            return null;
        }
        int available = length - pos;
        if (available < DalyFrames.LENGTH) {
            return available < 4 || (buffer[pos + 3] & 0xFF) == DalyFrames.DATA_LENGTH ? WAIT : null;
        }
        if (Arrays.equals(buffer, pos, pos + DalyFrames.LENGTH, request, 0, DalyFrames.LENGTH)) {
            return new Outcome(failure(Kind.ECHO, "our own request read back"), DalyFrames.LENGTH);
        }
        if ((buffer[pos + 3] & 0xFF) != DalyFrames.DATA_LENGTH) {
            return null;
        }
        if (!DalyFrames.checksumMatches(buffer, pos)) {
            return new Outcome(failure(Kind.BAD_CHECKSUM, String.format(
                    "the checksum %02X of a frame does not match (%02X expected)",
                    buffer[pos + DalyFrames.LENGTH - 1] & 0xFF, DalyFrames.checksum(buffer, pos))), 1);
        }
        int address = buffer[pos + 1] & 0xFF;
        int command = buffer[pos + 2] & 0xFF;
        if (address != DalyFrames.BOARD) {
            return new Outcome(failure(Kind.WRONG_ADDRESS, String.format(
                    "a frame from address %02X, command %02X (the board answers from 01)", address, command)),
                    DalyFrames.LENGTH);
        }
        if (command != pending.dalyCommand()) {
            return new Outcome(failure(Kind.UNEXPECTED_REPLY, String.format(
                    "a reply to command %02X, %02X expected", command, pending.dalyCommand())), DalyFrames.LENGTH);
        }
        return new Outcome(new DecodeResult.Frame(Arrays.copyOfRange(buffer, pos, pos + DalyFrames.LENGTH)),
                DalyFrames.LENGTH);
    }
}
