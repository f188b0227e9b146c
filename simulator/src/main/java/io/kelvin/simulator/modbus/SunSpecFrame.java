package io.kelvin.simulator.modbus;

import io.kelvin.core.site.Device;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The fixed holding registers of a SunSpec three-phase inverter (SunSpec Information Model
 * Specification; models 1 and 103): "SunS" at 40000, common model 1 (ID 1, L 66) at 40002 with
 * manufacturer, model, version and serial strings, inverter model 103 (ID 103, L 50) at 40070 with
 * the scale factors the sunspec profiles assume, and the end marker (0xFFFF, 0) at 40122.
 */
final class SunSpecFrame {

    static final int BASE = 40000;
    static final int MODEL_103 = 40070;
    static final int END = 40122;

    /** Model 103 scale-factor registers (absolute addresses) and their values. */
    static final Map<Integer, Integer> SCALE_FACTORS = Map.of(
            40076, -1,  // A_SF
            40083, -1,  // V_SF
            40085, 2,   // W_SF
            40087, -2,  // Hz_SF
            40093, -1,  // PF_SF
            40096, 3,   // WH_SF
            40098, -1,  // DCA_SF
            40100, -1,  // DCV_SF
            40102, 2,   // DCW_SF
            40107, -1); // Tmp_SF

    private SunSpecFrame() {
    }

    static boolean appliesTo(Device device) {
        return device.profile().id().startsWith("sunspec-");
    }

    /** Address -> word of every fixed register of the frame. */
    static Map<Integer, Integer> words(Device device) {
        Map<Integer, Integer> words = new HashMap<>();
        words.put(BASE, 0x5375);
        words.put(BASE + 1, 0x6E53);
        words.put(40002, 1);
        words.put(40003, 66);
        putString(words, 40004, 16, device.profile().manufacturer());
        putString(words, 40020, 16, device.profile().model());
        putString(words, 40036, 8, device.profile().id());
        putString(words, 40044, 8, "kelvin-twin");
        putString(words, 40052, 16, device.id());
        words.put(40068, device.unitId());
        words.put(40069, 0x8000);
        words.put(MODEL_103, 103);
        words.put(MODEL_103 + 1, 50);
        SCALE_FACTORS.forEach((address, value) -> words.put(address, value & 0xFFFF));
        words.put(END, 0xFFFF);
        words.put(END + 1, 0);
        return words;
    }

    /** A SunSpec string: ASCII, two characters per register, high byte first, NUL-padded, truncated. */
    private static void putString(Map<Integer, Integer> words, int address, int registers, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < registers; i++) {
            int high = 2 * i < bytes.length ? bytes[2 * i] & 0xFF : 0;
            int low = 2 * i + 1 < bytes.length ? bytes[2 * i + 1] & 0xFF : 0;
            words.put(address + i, (high << 8) | low);
        }
    }
}
