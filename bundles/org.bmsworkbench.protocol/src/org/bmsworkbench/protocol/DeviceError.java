package org.bmsworkbench.protocol;

/**
 * A device's refusal: a YD/T1363 return code or a Modbus exception code, with its meaning.
 *
 * @param code    the code as the device sent it
 * @param meaning what the protocol says the code means
 */
public record DeviceError(int code, String meaning) {
}
