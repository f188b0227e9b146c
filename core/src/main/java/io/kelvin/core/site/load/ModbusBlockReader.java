package io.kelvin.core.site.load;

import io.kelvin.core.site.AddressBase;
import io.kelvin.core.site.Discovery;
import io.kelvin.core.site.ModbusQuirks;
import io.kelvin.core.site.PollClass;
import io.kelvin.core.site.PollIntervals;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a profile's device-wide acquisition settings: the {@code modbus:} quirks block and the
 * {@code pollIntervals:} overrides. Every value is checked; a bad one is reported and the default used.
 */
final class ModbusBlockReader {

    static final Duration MAX_REQUEST_PAUSE = Duration.ofSeconds(10);
    static final Duration MIN_TIMEOUT = Duration.ofMillis(50);
    static final Duration MAX_TIMEOUT = Duration.ofSeconds(60);

    private ModbusBlockReader() {
    }

    static ModbusQuirks quirks(Node node) {
        node.allowOnly("maxRegisters", "maxGap", "requestPause", "addressBase", "onePointPerRequest",
                "closeAfterPoll", "timeout");
        ModbusQuirks d = ModbusQuirks.DEFAULTS;
        int maxRegisters = node.integerOr("maxRegisters", d.maxRegisters(), 1, ModbusQuirks.PROTOCOL_MAX_REGISTERS);
        int maxGap = node.integerOr("maxGap", d.maxGap(), 0, ModbusQuirks.PROTOCOL_MAX_REGISTERS);
        Duration pause = node.optDuration("requestPause", Duration.ZERO, MAX_REQUEST_PAUSE).orElse(d.requestPause());
        AddressBase base = addressBase(node);
        boolean onePerRequest = node.bool("onePointPerRequest", false);
        boolean close = node.bool("closeAfterPoll", false);
        Optional<Duration> timeout = node.optDuration("timeout", MIN_TIMEOUT, MAX_TIMEOUT);
        return new ModbusQuirks(maxRegisters, maxGap, pause, base, onePerRequest, close, timeout);
    }

    /** {@code addressBase}: 0, 1 or modicon. */
    private static AddressBase addressBase(Node node) {
        if (node.isText("addressBase")) {
            String text = node.optText("addressBase").orElse("");
            if (text.equalsIgnoreCase("modicon")) {
                return AddressBase.MODICON;
            }
            node.problem("addressBase", "must be 0, 1 or modicon, was '" + text + "'");
            return AddressBase.ZERO;
        }
        return node.integerOr("addressBase", 0, 0, 1) == 1 ? AddressBase.ONE : AddressBase.ZERO;
    }

    static PollIntervals pollIntervals(Node node) {
        node.allowOnly("fast", "normal", "slow");
        Map<PollClass, Duration> intervals = new EnumMap<>(PollClass.class);
        for (PollClass pollClass : PollClass.values()) {
            node.optDuration(pollClass.name().toLowerCase(Locale.ROOT), PollIntervals.MIN, PollIntervals.MAX)
                    .ifPresent(interval -> intervals.put(pollClass, interval));
        }
        return new PollIntervals(intervals);
    }

    static Discovery discovery(Node root) {
        return root.optEnum("discover", Discovery.class).orElse(Discovery.NONE);
    }
}
