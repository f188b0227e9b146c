package io.kelvin.collectors.modbus;

import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.ModbusSlaveException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A Modbus read or write that got no usable answer, with the {@link Kind} of failure deciding what
 * happens next: a refusal leaves the link alone, anything else drops the socket so the next request
 * starts on a clean byte stream (a late or half-read frame would otherwise be taken as the answer to
 * the next request).
 */
final class ModbusIoFailure extends Exception {

    enum Kind {
        /** The device answered with an exception response (Modbus Application Protocol v1.1b3, clause 7). */
        REFUSED,
        /** Nothing came back in time, or a gateway said its target did not answer (exception 0A, 0B). */
        NO_ANSWER,
        /** Something came back that is not the answer to the request: cut short, wrong length, unit or transaction id, garbage. */
        MALFORMED,
        /** The TCP connection could not be opened. */
        UNREACHABLE
    }

    private static final Pattern J2MOD_WRAPPER = Pattern.compile(
            "Executing transaction [0-9A-Fa-f ]*failed \\(tried \\d+ times?\\):? ?|( - null)$");

    private final Kind kind;
    private final String code;

    ModbusIoFailure(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.code = cause instanceof ModbusSlaveException refused
                ? exceptionName(refused.getType()).toUpperCase(Locale.ROOT)
                : kind == Kind.MALFORMED ? "malformed answer" : innermost(cause, message);
    }

    static ModbusIoFailure of(ModbusException e) {
        if (e instanceof ModbusSlaveException refused) {
            int code = refused.getType();
            boolean gatewayNoAnswer = code == 0x0A || code == 0x0B;
            return new ModbusIoFailure(gatewayNoAnswer ? Kind.NO_ANSWER : Kind.REFUSED,
                    String.format(Locale.ROOT, "exception response %02X (%s)", code, exceptionName(code)), e);
        }
        String text = readable(chainText(e));
        boolean timeout = text.toLowerCase(Locale.ROOT).contains("timeout")
                || text.toLowerCase(Locale.ROOT).contains("timed out");
        return timeout
                ? new ModbusIoFailure(Kind.NO_ANSWER, "no answer in time: " + text, e)
                : new ModbusIoFailure(Kind.MALFORMED, "bad or broken answer: " + text, e);
    }

    static ModbusIoFailure malformed(String message, Throwable cause) {
        return new ModbusIoFailure(Kind.MALFORMED, "bad or broken answer: " + message, cause);
    }

    Kind kind() {
        return kind;
    }

    /**
     * The failure in the device's or the socket's own words: the exception code's name as the Modbus
     * specification spells it (clause 7, e.g. {@code ILLEGAL DATA ADDRESS}), else the innermost error
     * the socket gave (e.g. {@code Connection refused}, {@code Read timed out}).
     */
    String code() {
        return code;
    }

    private static String innermost(Throwable cause, String otherwise) {
        String found = null;
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                found = t.getMessage();
            }
        }
        return found != null ? readable(found) : otherwise;
    }

    /**
     * Whether the socket must be dropped: after a timeout or a bad frame the byte stream can no longer
     * be trusted. An exception response (gateway ones included) is a whole, well-formed frame.
     */
    boolean connectionLost() {
        return kind != Kind.REFUSED && !(getCause() instanceof ModbusSlaveException);
    }

    /** Whether the device (or gateway) answered: refusals do not count towards DOWN. */
    boolean answered() {
        return kind == Kind.REFUSED;
    }

    /** Exception code names from Modbus Application Protocol v1.1b3, clause 7. */
    static String exceptionName(int code) {
        return switch (code) {
            case 0x01 -> "illegal function";
            case 0x02 -> "illegal data address";
            case 0x03 -> "illegal data value";
            case 0x04 -> "server device failure";
            case 0x05 -> "acknowledge";
            case 0x06 -> "server device busy";
            case 0x08 -> "memory parity error";
            case 0x0A -> "gateway path unavailable";
            case 0x0B -> "gateway target device failed to respond";
            default -> "unknown exception code";
        };
    }

    /**
     * Drops j2mod's wrapper text (hex dump of the request, retry count). j2mod gives nothing else only
     * when every answer carried another transaction id than the request's.
     */
    private static String readable(String j2modText) {
        String text = J2MOD_WRAPPER.matcher(j2modText).replaceAll("").strip();
        return text.isEmpty() ? "no answer with the request's transaction id" : text;
    }

    /** j2mod wraps the socket's reason in messages of its own; keep the innermost that says something. */
    private static String chainText(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null && text.length() < 400; t = t.getCause()) {
            String message = t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
            if (text.indexOf(message) < 0) {
                text.append(text.isEmpty() ? "" : ": ").append(message);
            }
        }
        return text.toString();
    }
}
