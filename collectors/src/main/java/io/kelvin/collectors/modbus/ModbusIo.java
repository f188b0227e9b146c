package io.kelvin.collectors.modbus;

import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.facade.ModbusTCPMaster;
import com.ghgande.j2mod.modbus.msg.ModbusResponse;
import com.ghgande.j2mod.modbus.procimg.InputRegister;
import com.ghgande.j2mod.modbus.procimg.Register;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import com.ghgande.j2mod.modbus.util.BitVector;
import io.kelvin.core.site.RegisterType;
import java.time.Duration;

/**
 * The j2mod master of one TCP connection, seen as words and bits. Not thread-safe: j2mod reuses its
 * request objects, so only the connection's own thread calls it.
 *
 * <p>Every answer is checked before it is used: it must come from the unit asked and carry exactly
 * the registers or bits requested (j2mod checks neither). j2mod may also throw unchecked exceptions
 * on frames it cannot parse (a cast to the wrong response type); those are a peer's fault, not
 * ours, so they become {@link ModbusIoFailure.Kind#MALFORMED} like any other bad frame.
 */
final class ModbusIo {

    private final CheckedMaster master;
    private Duration timeout;

    ModbusIo(String host, int port, Duration timeout) {
        master = new CheckedMaster(host, port, (int) timeout.toMillis());
        this.timeout = timeout;
    }

    /** Sets the timeout of the following requests (devices on one gateway may differ); cheap when unchanged. */
    void useTimeout(Duration wanted) {
        if (!wanted.equals(timeout)) {
            master.setTimeout((int) wanted.toMillis());
            timeout = wanted;
        }
    }

    void connect() throws ModbusIoFailure {
        try {
            master.connect();
            // j2mod creates a new transaction on every connect and forgets retries set before it (the
            // default is 5); one try, so a silent unit costs one timeout, not five.
            master.setRetries(1);
        } catch (Exception e) { // j2mod declares plain Exception on connect
            throw new ModbusIoFailure(ModbusIoFailure.Kind.UNREACHABLE, "connect failed: " + message(e), e);
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
            master.checkUnit(unitId);
            if (registers == null || registers.length != count) {
                throw ModbusIoFailure.malformed((registers == null ? 0 : registers.length)
                        + " registers in the answer to a read of " + count, null);
            }
            int[] words = new int[registers.length];
            for (int i = 0; i < words.length; i++) {
                words[i] = registers[i].toUnsignedShort();
            }
            return words;
        } catch (ModbusException e) {
            throw ModbusIoFailure.of(e);
        } catch (RuntimeException e) {
            throw ModbusIoFailure.malformed("unparseable frame: " + message(e), e);
        }
    }

    boolean[] readBits(RegisterType type, int unitId, int start, int count) throws ModbusIoFailure {
        try {
            BitVector vector = type == RegisterType.COIL
                    ? master.readCoils(unitId, start, count)
                    : master.readInputDiscretes(unitId, start, count);
            master.checkUnit(unitId);
            // The byte count covers ceil(count / 8) bytes (clause 6.1); fewer cannot hold the bits asked for.
            if (vector == null || vector.byteSize() < (count + 7) / 8) {
                throw ModbusIoFailure.malformed((vector == null ? 0 : vector.byteSize())
                        + " bytes of bits in the answer to a read of " + count + " bits", null);
            }
            boolean[] bits = new boolean[count];
            for (int i = 0; i < count; i++) {
                bits[i] = vector.getBit(i);
            }
            return bits;
        } catch (ModbusException e) {
            throw ModbusIoFailure.of(e);
        } catch (RuntimeException e) {
            throw ModbusIoFailure.malformed("unparseable frame: " + message(e), e);
        }
    }

    void writeWords(int unitId, int start, int[] words) throws ModbusIoFailure {
        Register[] registers = new Register[words.length];
        for (int i = 0; i < words.length; i++) {
            registers[i] = new SimpleRegister(words[i]);
        }
        try {
            master.writeMultipleRegisters(unitId, start, registers);
            master.checkUnit(unitId);
        } catch (ModbusException e) {
            throw ModbusIoFailure.of(e);
        } catch (RuntimeException e) {
            throw ModbusIoFailure.malformed("unparseable frame: " + message(e), e);
        }
    }

    void writeCoil(int unitId, int address, boolean on) throws ModbusIoFailure {
        try {
            master.writeCoil(unitId, address, on);
            master.checkUnit(unitId);
        } catch (ModbusException e) {
            throw ModbusIoFailure.of(e);
        } catch (RuntimeException e) {
            throw ModbusIoFailure.malformed("unparseable frame: " + message(e), e);
        }
    }

    private static String message(Exception e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** The facade, plus a look at the last response's unit id, which j2mod does not compare. */
    private static final class CheckedMaster extends ModbusTCPMaster {

        CheckedMaster(String host, int port, int timeoutMillis) {
            super(host, port, timeoutMillis, false);
        }

        void checkUnit(int expected) throws ModbusIoFailure {
            ModbusResponse response = transaction == null ? null : transaction.getResponse();
            if (response != null && response.getUnitID() != expected) {
                throw ModbusIoFailure.malformed("answer from unit " + response.getUnitID()
                        + " to a request for unit " + expected, null);
            }
        }
    }
}
