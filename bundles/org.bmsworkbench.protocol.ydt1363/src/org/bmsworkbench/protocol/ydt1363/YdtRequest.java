package org.bmsworkbench.protocol.ydt1363;

import org.bmsworkbench.protocol.Command;
import org.bmsworkbench.protocol.Request;

/** A YD/T1363 request, with the header address the reply must carry and whether it asks for all packs. */
final class YdtRequest extends Request {

    /** The pack selector in INFO that asks every pack behind one address to answer. */
    static final int ALL_PACKS = 0xFF;

    private final int frameAddress;
    private final int cid2;
    private final boolean allPacks;

    YdtRequest(Command command, int packAddress, YdtFrame frame, boolean allPacks) {
        super(command, packAddress, frame.encode(), String.format("%s (CID2 %02XH)", command.key(), frame.cid2()));
        this.frameAddress = frame.address();
        this.cid2 = frame.cid2();
        this.allPacks = allPacks;
    }

    int frameAddress() {
        return frameAddress;
    }

    int cid2() {
        return cid2;
    }

    boolean allPacks() {
        return allPacks;
    }
}
