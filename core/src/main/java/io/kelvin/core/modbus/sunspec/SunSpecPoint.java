package io.kelvin.core.modbus.sunspec;

import io.kelvin.core.site.DataType;
import io.kelvin.core.site.PollClass;
import io.kelvin.core.site.ValueRange;

/**
 * One standard point of a SunSpec model, as Kelvin names it. {@code offset} counts from the model's
 * ID register (offset 0 = ID, 1 = L, 2 = first point), as in the SunSpec Information Model
 * Specification's model tables. Engineering value = raw x 10^sf x {@code multiplier}, where sf is
 * the int16 at {@code scaleFactorOffset} (-1 = no scale factor); the multiplier turns SunSpec's
 * W, VA, var and Wh into kW, kVA, kvar and kWh. {@code length} is the register count of text points
 * (STRING), else the data type's.
 */
public record SunSpecPoint(String name, String sunspecName, String unit, int offset, DataType dataType,
                           int length, int scaleFactorOffset, double multiplier, ValueRange range,
                           PollClass pollClass) {

    static SunSpecPoint number(String name, String sunspecName, String unit, int offset, DataType dataType,
                               int scaleFactorOffset, double multiplier, double min, double max, PollClass pollClass) {
        return new SunSpecPoint(name, sunspecName, unit, offset, dataType, dataType.registers(), scaleFactorOffset,
                multiplier, new ValueRange(min, max), pollClass);
    }

    static SunSpecPoint text(String name, String sunspecName, int offset, int length) {
        return new SunSpecPoint(name, sunspecName, "text", offset, DataType.STRING, length, -1, 1,
                new ValueRange(0, 0), PollClass.SLOW);
    }

    public boolean isText() {
        return dataType == DataType.STRING;
    }

    /** Registers from the ID register up to and including this point and its scale factor. */
    int extent() {
        return Math.max(offset + length, scaleFactorOffset + 1);
    }
}
