package io.kelvin.collectors.modbus;

import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.facade.ModbusTCPMaster;
import com.ghgande.j2mod.modbus.procimg.InputRegister;
import com.ghgande.j2mod.modbus.procimg.Register;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import com.ghgande.j2mod.modbus.util.BitVector;
import io.kelvin.core.site.RegisterType;
import java.time.Duration;

/**
 * The j2mod master of one TCP connection, seen as words and bits. Not thread-safe: j2mod reuses its
 * request objects, so only the connection's own thread calls it.
 */
final class ModbusIo {

    private final ModbusTCPMaster master;

    ModbusIo(String host, int port, Duration timeout) {
        master = new ModbusTCPMaster(host, port, (int) timeout.toMillis(), false);
        master.setRetries(1);
    }

    void connect() throws ModbusIoFailure {
        try {
            master.connect();
        } catch (Exception e) { // j2mod declares plain Exception on connect
            throw new ModbusIoFailure("connect failed: " + message(e), e, true);
        }
    }

    boolean isConnected() {
        return master.isConnected();
    }

    void disconnect() {
        master.disconnect();
    }

    int[] readWords(RegisterType type, int unitId, int start, int count) throws ModbusIoFailure {
        try {
            InputRegister[] registers = type == RegisterType.HOLDING
                    ? master.readMultipleRegisters(unitId, start, count)
                    : master.readInputRegisters(unitId, start, count);
            int[] words = new int[registers.length];
            for (int i = 0; i < words.length; i++) {
                words[i] = registers[i].toUnsignedShort();
            }
            return words;
        } catch (ModbusException e) {
            throw ModbusIoFailure.of(e);
        }
    }

    boolean[] readBits(RegisterType type, int unitId, int start, int count) throws ModbusIoFailure {
        try {
            BitVector vector = type == RegisterType.COIL
                    ? master.readCoils(unitId, start, count)
                    : master.readInputDiscretes(unitId, start, count);
            boolean[] bits = new boolean[count];
            for (int i = 0; i < count; i++) {
                bits[i] = vector.getBit(i);
            }
            return bits;
        } catch (ModbusException e) {
            throw ModbusIoFailure.of(e);
        }
    }

    void writeWords(int unitId, int start, int[] words) throws ModbusIoFailure {
        Register[] registers = new Register[words.length];
        for (int i = 0; i < words.length; i++) {
            registers[i] = new SimpleRegister(words[i]);
        }
        try {
            master.writeMultipleRegisters(unitId, start, registers);
        } catch (ModbusException e) {
            throw ModbusIoFailure.of(e);
        }
    }

    void writeCoil(int unitId, int address, boolean on) throws ModbusIoFailure {
        try {
            master.writeCoil(unitId, address, on);
        } catch (ModbusException e) {
            throw ModbusIoFailure.of(e);
        }
    }

    private static String message(Exception e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
