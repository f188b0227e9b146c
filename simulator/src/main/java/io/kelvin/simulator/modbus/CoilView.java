package io.kelvin.simulator.modbus;

import com.ghgande.j2mod.modbus.procimg.DigitalOut;

/** A coil as one request sees it: the bit read under the image lock; writes go to the image. */
final class CoilView implements DigitalOut {

    private final UnitImage image;
    private final int address;
    private boolean on;

    CoilView(UnitImage image, int address, boolean on) {
        this.image = image;
        this.address = address;
        this.on = on;
    }

    @Override
    public boolean isSet() {
        return on;
    }

    @Override
    public void set(boolean b) {
        image.writeCoil(address, b);
        on = b;
    }
}
