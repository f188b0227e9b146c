package io.kelvin.core.site;

import java.time.Duration;
import java.util.Optional;

/**
 * How a Modbus device model wants to be talked to, from the profile's optional {@code modbus:} block;
 * {@link #DEFAULTS} is what Kelvin does without one.
 *
 * <ul>
 *   <li>{@code maxRegisters}: registers per read request, 1..125 (Modbus Application Protocol
 *       v1.1b3, clause 6.3: at most 125); some gateways take fewer.</li>
 *   <li>{@code maxGap}: unused registers a merged request may read between two points; 0 for devices
 *       that refuse reads of unmapped registers.</li>
 *   <li>{@code requestPause}: quiet time on the connection before each request to this device.</li>
 *   <li>{@code addressBase}: how the profile writes addresses ({@link AddressBase}: wire addresses,
 *       1-based, or the 3xxxx/4xxxx notation). Already applied to the registers when the profile is
 *       loaded; kept for display.</li>
 *   <li>{@code onePointPerRequest}: never merge points into one request.</li>
 *   <li>{@code closeAfterPoll}: drop the TCP connection after each poll of this device.</li>
 *   <li>{@code timeout}: how long a request may take; empty = the collector's setting.</li>
 * </ul>
 */
public record ModbusQuirks(int maxRegisters, int maxGap, Duration requestPause, AddressBase addressBase,
                           boolean onePointPerRequest, boolean closeAfterPoll, Optional<Duration> timeout) {

    public static final int PROTOCOL_MAX_REGISTERS = 125;
    public static final int DEFAULT_MAX_GAP = 8;
    public static final ModbusQuirks DEFAULTS = new ModbusQuirks(PROTOCOL_MAX_REGISTERS, DEFAULT_MAX_GAP,
            Duration.ZERO, AddressBase.ZERO, false, false, Optional.empty());

    public ModbusQuirks {
        if (maxRegisters < 1 || maxRegisters > PROTOCOL_MAX_REGISTERS) {
            throw new IllegalArgumentException("maxRegisters must be 1..125, was " + maxRegisters);
        }
        if (maxGap < 0) {
            throw new IllegalArgumentException("maxGap must be >= 0, was " + maxGap);
        }
        if (requestPause.isNegative()) {
            throw new IllegalArgumentException("requestPause must not be negative");
        }
    }
}
