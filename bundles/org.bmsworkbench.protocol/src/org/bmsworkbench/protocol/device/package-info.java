/**
 * The device (slave) side of the protocols: how a BMS board answers its host. A protocol bundle that
 * offers {@link org.bmsworkbench.protocol.BmsProtocol#deviceCodec()} can be answered by any
 * {@link org.bmsworkbench.protocol.device.Board}, such as the simulator's packs. Boards speak canonical
 * units (V, A, Ah, °C, %); codecs turn them into the protocol's bytes and back.
 */
package org.bmsworkbench.protocol.device;
