package io.kelvin.simulator.modbus;

import com.ghgande.j2mod.modbus.procimg.Register;

/** A holding register as one request sees it: the word read under the image lock; writes go to the image. */
final class HoldingRegisterView implements Register {

    private final UnitImage image;
    private final int address;
    private int value;

    HoldingRegisterView(UnitImage image, int address, int value) {
        this.image = image;
        this.address = address;
        this.value = value & 0xFFFF;
    }

    @Override
    public int getValue() {
        return value;
    }

    @Override
    public int toUnsignedShort() {
        return value;
    }

    @Override
    public short toShort() {
        return (short) value;
    }

    @Override
    public byte[] toBytes() {
        return new byte[] {(byte) (value >> 8), (byte) value};
    }

    @Override
    public void setValue(int v) {
        image.writeHolding(address, v & 0xFFFF);
        value = v & 0xFFFF;
    }

    @Override
    public void setValue(short s) {
        setValue(s & 0xFFFF);
    }

    @Override
    public void setValue(byte[] bytes) {
        setValue(((bytes[0] & 0xFF) << 8) | (bytes[1] & 0xFF));
    }
}
