package io.kelvin.collectors.modbus;

import io.kelvin.core.modbus.sunspec.ModelHeader;
import io.kelvin.core.modbus.sunspec.SunSpecModels;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds a device's SunSpec map (SunSpec Information Model Specification, "Device Modbus map"): the
 * "SunS" marker at 40000, else 0, else 50000 (holding registers, 0-based wire addresses), then the
 * chain of models, each an ID and a length L, the next starting 2 + L registers later, until the end
 * marker ID 0xFFFF. A device that ends its chain with an exception response instead of the end marker
 * is accepted, with a note. Pure apart from the reads it is given; connection thread only.
 */
final class SunSpecDiscovery {

    static final int MAX_MODELS = 100;
    private static final int LAST_ADDRESS = 65535;

    /** Where the map starts, the models in chain order, and anything odd seen on the way. */
    record Chain(int base, List<ModelHeader> models, List<String> notes) {
    }

    /** Reads {@code count} holding registers from {@code address} of the device being discovered. */
    @FunctionalInterface
    interface Holding {
        int[] read(int address, int count) throws ModbusIoFailure;
    }

    /** The device answered, but not with a SunSpec map Kelvin can walk. */
    static final class NotSunSpec extends Exception {
        NotSunSpec(String message) {
            super(message);
        }
    }

    private SunSpecDiscovery() {
    }

    /**
     * @throws ModbusIoFailure when a request got no usable answer (the caller handles the link)
     * @throws NotSunSpec when the device answered but holds no walkable SunSpec map
     */
    static Chain discover(Holding holding) throws ModbusIoFailure, NotSunSpec {
        List<String> tried = new ArrayList<>();
        for (int base : SunSpecModels.BASE_ADDRESSES) {
            try {
                int[] words = holding.read(base, 2);
                if (words[0] == SunSpecModels.MARKER_HIGH && words[1] == SunSpecModels.MARKER_LOW) {
                    return walk(holding, base);
                }
                tried.add(base + ": " + String.format("0x%04X 0x%04X", words[0], words[1]));
            } catch (ModbusIoFailure e) {
                if (!e.answered()) {
                    throw e;
                }
                tried.add(base + ": " + e.getMessage());
            }
        }
        throw new NotSunSpec("no SunS marker at 40000, 0 or 50000 (" + String.join("; ", tried) + ")");
    }

    private static Chain walk(Holding holding, int base) throws ModbusIoFailure, NotSunSpec {
        List<ModelHeader> models = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int address = base + 2;
        while (true) {
            if (models.size() >= MAX_MODELS) {
                throw new NotSunSpec("chain from " + base + " has more than " + MAX_MODELS + " models and no end marker");
            }
            if (address + 1 > LAST_ADDRESS) {
                throw new NotSunSpec("chain from " + base + " runs past register 65535 without an end marker");
            }
            int[] header;
            try {
                header = holding.read(address, 2);
            } catch (ModbusIoFailure e) {
                if (!e.answered()) {
                    throw e;
                }
                if (models.isEmpty()) {
                    throw new NotSunSpec("model header at " + address + ": " + e.getMessage());
                }
                notes.add("no end marker: the chain ends with " + e.getMessage() + " at " + address);
                return new Chain(base, List.copyOf(models), List.copyOf(notes));
            }
            if (header[0] == SunSpecModels.END_ID) {
                return new Chain(base, List.copyOf(models), List.copyOf(notes));
            }
            if (header[0] == 0) {
                throw new NotSunSpec("model id 0 at " + address + ": the chain is broken");
            }
            ModelHeader model = new ModelHeader(header[0], address, header[1]);
            models.add(model);
            address = model.next();
        }
    }
}
