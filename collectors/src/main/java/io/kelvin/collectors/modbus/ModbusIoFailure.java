package io.kelvin.collectors.modbus;

import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.ModbusSlaveException;

/**
 * A Modbus read or write that got no usable answer. {@code connectionLost} is false for an exception
 * response from the device (the link is fine, the request was refused) and true for I/O errors and
 * timeouts, after which the connection is dropped and re-opened with backoff.
 */
final class ModbusIoFailure extends Exception {

    private final boolean connectionLost;

    ModbusIoFailure(String message, Throwable cause, boolean connectionLost) {
        super(message, cause);
        this.connectionLost = connectionLost;
    }

    static ModbusIoFailure of(ModbusException e) {
        boolean refused = e instanceof ModbusSlaveException;
        String text = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        return new ModbusIoFailure((refused ? "exception response: " : "i/o failure: ") + text, e, !refused);
    }

    boolean connectionLost() {
        return connectionLost;
    }
}
