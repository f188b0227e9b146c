package io.kelvin.simulator.modbus;

import com.ghgande.j2mod.modbus.procimg.DigitalIn;
import com.ghgande.j2mod.modbus.procimg.DigitalOut;
import com.ghgande.j2mod.modbus.procimg.FIFO;
import com.ghgande.j2mod.modbus.procimg.File;
import com.ghgande.j2mod.modbus.procimg.IllegalAddressException;
import com.ghgande.j2mod.modbus.procimg.InputRegister;
import com.ghgande.j2mod.modbus.procimg.ProcessImage;
import com.ghgande.j2mod.modbus.procimg.Register;
import com.ghgande.j2mod.modbus.procimg.SimpleDigitalIn;
import com.ghgande.j2mod.modbus.procimg.SimpleInputRegister;
import io.kelvin.core.site.PointDef;
import io.kelvin.core.site.RegisterType;
import java.util.EnumMap;
import java.util.Map;

/**
 * The Modbus data of one unit id: the four tables, each dense from its lowest to its highest used
 * address (gaps read as 0), filled by {@link UnitRegisters}. Reads return a consistent copy taken
 * under the image lock, so a multi-register value is never torn. Writes from the wire reach only
 * setpoint registers and coils; anything else, and a value outside the setpoint limits, gets
 * exception code 02 (j2mod 3.3 maps {@link IllegalAddressException} to ILLEGAL DATA ADDRESS).
 */
final class UnitImage implements ProcessImage {

    private final UnitRegisters registers;
    private final Map<RegisterType, WordTable> tables;
    private final Object lock = new Object();

    UnitImage(UnitRegisters registers) {
        this.registers = registers;
        this.tables = new EnumMap<>(RegisterType.class);
        for (RegisterType type : RegisterType.values()) {
            tables.put(type, registers.table(type));
        }
    }

    /** Encodes and commits the device's values. */
    void publish(Map<String, Double> values) {
        synchronized (lock) {
            registers.publish(values, tables);
        }
    }

    /** A copy of {@code count} words of a table, for tests and diagnostics. */
    int[] words(RegisterType type, int address, int count) {
        synchronized (lock) {
            return tables.get(type).get(address, count);
        }
    }

    void writeHolding(int address, int value) {
        synchronized (lock) {
            PointDef point = registers.setpointAt(RegisterType.HOLDING, address)
                    .orElseThrow(() -> new IllegalAddressException("holding register " + address + " is read-only"));
            WordTable table = tables.get(RegisterType.HOLDING);
            table.stage(address, value);
            registers.applyIfComplete(point, address, table);
        }
    }

    void writeCoil(int address, boolean on) {
        synchronized (lock) {
            PointDef point = registers.setpointAt(RegisterType.COIL, address)
                    .orElseThrow(() -> new IllegalAddressException("coil " + address + " is read-only"));
            WordTable table = tables.get(RegisterType.COIL);
            table.stage(address, on ? 1 : 0);
            registers.applyIfComplete(point, address, table);
        }
    }

    private WordTable checked(RegisterType type, int address, int count) {
        WordTable table = tables.get(type);
        if (!table.covers(address, count)) {
            throw new IllegalAddressException(type + " " + address + " x " + count + " is not served");
        }
        return table;
    }

    @Override
    public Register[] getRegisterRange(int offset, int count) {
        synchronized (lock) {
            int[] words = checked(RegisterType.HOLDING, offset, count).get(offset, count);
            Register[] result = new Register[count];
            for (int i = 0; i < count; i++) {
                result[i] = new HoldingRegisterView(this, offset + i, words[i]);
            }
            return result;
        }
    }

    @Override
    public Register getRegister(int ref) {
        return getRegisterRange(ref, 1)[0];
    }

    @Override
    public int getRegisterCount() {
        return tables.get(RegisterType.HOLDING).end();
    }

    @Override
    public InputRegister[] getInputRegisterRange(int offset, int count) {
        synchronized (lock) {
            int[] words = checked(RegisterType.INPUT, offset, count).get(offset, count);
            InputRegister[] result = new InputRegister[count];
            for (int i = 0; i < count; i++) {
                result[i] = new SimpleInputRegister(words[i]);
            }
            return result;
        }
    }

    @Override
    public InputRegister getInputRegister(int ref) {
        return getInputRegisterRange(ref, 1)[0];
    }

    @Override
    public int getInputRegisterCount() {
        return tables.get(RegisterType.INPUT).end();
    }

    @Override
    public DigitalOut[] getDigitalOutRange(int offset, int count) {
        synchronized (lock) {
            int[] bits = checked(RegisterType.COIL, offset, count).get(offset, count);
            DigitalOut[] result = new DigitalOut[count];
            for (int i = 0; i < count; i++) {
                result[i] = new CoilView(this, offset + i, bits[i] != 0);
            }
            return result;
        }
    }

    @Override
    public DigitalOut getDigitalOut(int ref) {
        return getDigitalOutRange(ref, 1)[0];
    }

    @Override
    public int getDigitalOutCount() {
        return tables.get(RegisterType.COIL).end();
    }

    @Override
    public DigitalIn[] getDigitalInRange(int offset, int count) {
        synchronized (lock) {
            int[] bits = checked(RegisterType.DISCRETE_INPUT, offset, count).get(offset, count);
            DigitalIn[] result = new DigitalIn[count];
            for (int i = 0; i < count; i++) {
                result[i] = new SimpleDigitalIn(bits[i] != 0);
            }
            return result;
        }
    }

    @Override
    public DigitalIn getDigitalIn(int ref) {
        return getDigitalInRange(ref, 1)[0];
    }

    @Override
    public int getDigitalInCount() {
        return tables.get(RegisterType.DISCRETE_INPUT).end();
    }

    @Override
    public File getFile(int offset) {
        throw new IllegalAddressException("no files");
    }

    @Override
    public File getFileByNumber(int ref) {
        throw new IllegalAddressException("no files");
    }

    @Override
    public int getFileCount() {
        return 0;
    }

    @Override
    public FIFO getFIFO(int offset) {
        throw new IllegalAddressException("no FIFOs");
    }

    @Override
    public FIFO getFIFOByAddress(int ref) {
        throw new IllegalAddressException("no FIFOs");
    }

    @Override
    public int getFIFOCount() {
        return 0;
    }
}
