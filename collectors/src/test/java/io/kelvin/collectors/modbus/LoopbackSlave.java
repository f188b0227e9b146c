package io.kelvin.collectors.modbus;

import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.procimg.SimpleDigitalIn;
import com.ghgande.j2mod.modbus.procimg.SimpleDigitalOut;
import com.ghgande.j2mod.modbus.procimg.SimpleInputRegister;
import com.ghgande.j2mod.modbus.procimg.SimpleProcessImage;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;
import io.kelvin.core.site.RegisterType;
import java.net.InetAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A real j2mod TCP slave on loopback with 200 registers and 64 bits per table for each unit id. */
final class LoopbackSlave implements AutoCloseable {

    static final int REGISTERS = 200;
    static final int BITS = 64;

    private final ModbusSlave slave;
    private final Map<Integer, SimpleProcessImage> images = new HashMap<>();

    private LoopbackSlave(ModbusSlave slave) {
        this.slave = slave;
    }

    static LoopbackSlave start(int port, int... unitIds) throws ModbusException {
        ModbusSlave slave = ModbusSlaveFactory.createTCPSlave(InetAddress.getLoopbackAddress(), port, 4, false);
        LoopbackSlave result = new LoopbackSlave(slave);
        for (int unit : unitIds) {
            SimpleProcessImage image = new SimpleProcessImage(unit);
            for (int i = 0; i < REGISTERS; i++) {
                image.addRegister(new SimpleRegister(0));
                image.addInputRegister(new SimpleInputRegister(0));
            }
            for (int i = 0; i < BITS; i++) {
                image.addDigitalOut(new SimpleDigitalOut(false));
                image.addDigitalIn(new SimpleDigitalIn(false));
            }
            slave.addProcessImage(unit, image);
            result.images.put(unit, image);
        }
        slave.open();
        return result;
    }

    void setWords(int unit, RegisterType type, int address, int[] words) {
        SimpleProcessImage image = images.get(unit);
        for (int i = 0; i < words.length; i++) {
            if (type == RegisterType.HOLDING) {
                image.getRegister(address + i).setValue(words[i]);
            } else {
                ((SimpleInputRegister) image.getInputRegister(address + i)).setValue(words[i]);
            }
        }
    }

    int[] holdingWords(int unit, int address, int count) {
        int[] words = new int[count];
        for (int i = 0; i < count; i++) {
            words[i] = images.get(unit).getRegister(address + i).toUnsignedShort();
        }
        return words;
    }

    void setBit(int unit, RegisterType type, int address, boolean on) {
        SimpleProcessImage image = images.get(unit);
        if (type == RegisterType.COIL) {
            image.getDigitalOut(address).set(on);
        } else {
            ((SimpleDigitalIn) image.getDigitalIn(address)).set(on);
        }
    }

    /**
     * Makes the next {@code reads} reads of holding register {@code address} of {@code unit} answer only
     * after {@code delay} (the register keeps its value): a slow device, or a slow gateway.
     */
    void slowDown(int unit, int address, Duration delay, int reads) {
        SimpleProcessImage image = images.get(unit);
        SlowRegister slow = new SlowRegister(image.getRegister(address).getValue(), delay, reads);
        image.setRegister(address, slow);
    }

    /** A holding register whose answer is held back for the first reads: j2mod encodes each register of a response once. */
    private static final class SlowRegister extends SimpleRegister {
        private final Duration delay;
        private final AtomicInteger slowReads;

        SlowRegister(int value, Duration delay, int reads) {
            super(value);
            this.delay = delay;
            this.slowReads = new AtomicInteger(reads);
        }

        @Override
        public synchronized byte[] toBytes() {
            if (slowReads.getAndDecrement() > 0) {
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return super.toBytes();
        }
    }

    boolean coil(int unit, int address) {
        return images.get(unit).getDigitalOut(address).isSet();
    }

    @Override
    public void close() {
        ModbusSlaveFactory.close(slave);
    }
}
