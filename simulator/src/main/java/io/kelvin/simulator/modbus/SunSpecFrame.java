package io.kelvin.simulator.modbus;

import io.kelvin.core.site.Device;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The fixed holding registers of a SunSpec three-phase PV inverter (SunSpec Information Model
 * Specification and model definitions 1, 103, 120-123): "SunS" at 40000, then the chain
 * common model 1 (L 66) at 40002, inverter 103 (L 50) at 40070, nameplate 120 (L 26) at 40122,
 * basic settings 121 (L 30) at 40150, status 122 (L 44) at 40182, immediate controls 123 (L 24) at
 * 40228, and the end marker (0xFFFF, 0) at 40254. Model 103's measurements come from the device's
 * profile (the twin's physics); here are its scale factors, "not implemented" patterns for the
 * values the twin does not model, and the static content of models 1 and 120-123, sized from the
 * device's rated power.
 */
final class SunSpecFrame {

    static final int BASE = 40000;
    static final int MODEL_103 = 40070;
    static final int MODEL_120 = 40122;
    static final int MODEL_121 = 40150;
    static final int MODEL_122 = 40182;
    static final int MODEL_123 = 40228;
    static final int END = 40254;

    private static final int NI_UINT16 = 0xFFFF;
    private static final int NI_INT16 = 0x8000;
    private static final int NI_SF = 0x8000;

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
        common(words, device);
        inverter(words);
        int ratedKw = (int) Math.round(device.ratedKw().orElse(500.0));
        nameplate(words, ratedKw);
        settings(words, ratedKw);
        status(words, ratedKw);
        controls(words);
        put(words, END, 0xFFFF, 0);
        return words;
    }

    private static void common(Map<Integer, Integer> words, Device device) {
        put(words, 40002, 1, 66);
        putString(words, 40004, 16, device.profile().manufacturer());
        putString(words, 40020, 16, device.profile().model());
        putString(words, 40036, 8, device.profile().id());
        putString(words, 40044, 8, "kelvin-twin");
        putString(words, 40052, 16, device.id());
        put(words, 40068, device.unitId(), 0x8000);
    }

    private static void inverter(Map<Integer, Integer> words) {
        put(words, MODEL_103, 103, 50);
        SCALE_FACTORS.forEach((address, value) -> words.put(address, value & 0xFFFF));
        // AphA..AphC, PPVphBC, PPVphCA, PhVphA..PhVphC: per-phase values the twin does not model
        put(words, MODEL_103 + 3, NI_UINT16, NI_UINT16, NI_UINT16);
        put(words, MODEL_103 + 8, NI_UINT16, NI_UINT16, NI_UINT16, NI_UINT16, NI_UINT16);
        put(words, MODEL_103 + 18, NI_INT16, NI_SF, NI_INT16, NI_SF); // VA, VA_SF, VAr, VAr_SF
        put(words, MODEL_103 + 35, NI_INT16, NI_INT16);               // TmpTrns, TmpOt
    }

    /** Model 120: DERTyp 4 (PV), ratings in kW with SF 3, no storage ratings. */
    private static void nameplate(Map<Integer, Integer> words, int ratedKw) {
        put(words, MODEL_120, 120, 26);
        put(words, MODEL_120 + 2, 4, ratedKw, 3, ratedKw, 3);                      // DERTyp, WRtg, WRtg_SF, VARtg, VARtg_SF
        put(words, MODEL_120 + 7, ratedKw, ratedKw, -ratedKw & 0xFFFF, -ratedKw & 0xFFFF, 3); // VArRtgQ1..Q4, SF
        put(words, MODEL_120 + 12, 8 * ratedKw / 5, 0);                              // ARtg (400 V, 3 phases), ARtg_SF
        put(words, MODEL_120 + 14, 80, -80 & 0xFFFF, -80 & 0xFFFF, 80, -2 & 0xFFFF);  // PFRtgQ1..Q4, PFRtg_SF
        put(words, MODEL_120 + 19, NI_UINT16, NI_SF, NI_UINT16, NI_SF, NI_UINT16, NI_SF, NI_UINT16, NI_SF, NI_SF);
    }

    /** Model 121: WMax = rating, 400 V reference, 360..440 V window, 50 Hz. */
    private static void settings(Map<Integer, Integer> words, int ratedKw) {
        put(words, MODEL_121, 121, 30);
        put(words, MODEL_121 + 2, ratedKw, 400, 0, 440, 360, ratedKw, ratedKw, ratedKw, ratedKw, ratedKw, 10);
        put(words, MODEL_121 + 13, 80, 80, 80, 80, 1, 1, NI_UINT16, 50, NI_UINT16);
        put(words, MODEL_121 + 22, 3, 0, 0, 0, 3, 3, 0, -2 & 0xFFFF, NI_SF, 0);
    }

    /** Model 122: PV connected, available and operating; grid connected; WAval = rating. */
    private static void status(Map<Integer, Integer> words, int ratedKw) {
        put(words, MODEL_122, 122, 44);
        put(words, MODEL_122 + 2, 0b0111, 0, 1);
        put(words, MODEL_122 + 29, NI_UINT16, NI_SF, ratedKw, 3);
        putString(words, MODEL_122 + 37, 4, "RTC");
        put(words, MODEL_122 + 44, NI_UINT16, NI_SF);
    }

    /** Model 123: connected, no power limit active (100 %), PF setpoint 1.00 not enabled. */
    private static void controls(Map<Integer, Integer> words) {
        put(words, MODEL_123, 123, 24);
        put(words, MODEL_123 + 4, 1, 100);
        put(words, MODEL_123 + 10, 100);
        put(words, MODEL_123 + 15, NI_INT16, NI_INT16, NI_INT16);
        put(words, MODEL_123 + 23, 0, -2 & 0xFFFF, NI_SF);
    }

    private static void put(Map<Integer, Integer> words, int address, int... values) {
        for (int i = 0; i < values.length; i++) {
            words.put(address + i, values[i] & 0xFFFF);
        }
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
