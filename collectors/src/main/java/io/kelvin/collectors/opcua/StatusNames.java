package io.kelvin.collectors.opcua;

import java.util.Locale;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;

/**
 * OPC UA status codes by their symbolic names as the specification spells them (Part 4, 7.39; Part 6,
 * A.2: {@code BadSensorFailure}, {@code BadNodeIdUnknown}); Milo writes them with an underscore
 * ({@code Bad_SensorFailure}). Info bits of a data value are ignored; an unknown code is given in hex.
 */
final class StatusNames {

    private StatusNames() {
    }

    static String of(StatusCode status) {
        long code = status.value() & 0xFFFF0000L;
        return StatusCodes.lookup(code).map(nameAndDescription -> nameAndDescription[0].replace("_", ""))
                .orElseGet(() -> String.format(Locale.ROOT, "0x%08X", status.value()));
    }

    /** The symbolic name of the exception's status, else its message (a socket error says more). */
    static String of(Throwable e) {
        if (e instanceof UaException ua && ua.getStatusCode().value() != StatusCodes.Bad_UnexpectedError) {
            return of(ua.getStatusCode());
        }
        Throwable inner = e;
        while (inner.getCause() != null) {
            inner = inner.getCause();
        }
        return inner instanceof UaException ua ? of(ua.getStatusCode())
                : inner.getMessage() != null ? inner.getMessage() : inner.getClass().getSimpleName();
    }
}
