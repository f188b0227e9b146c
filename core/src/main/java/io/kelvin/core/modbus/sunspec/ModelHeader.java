package io.kelvin.core.modbus.sunspec;

/** One model found in a device's SunSpec chain: its id, the address of its ID register, and its length L. */
public record ModelHeader(int id, int address, int length) {

    /** Address of the next model's ID register. */
    public int next() {
        return address + 2 + length;
    }
}
