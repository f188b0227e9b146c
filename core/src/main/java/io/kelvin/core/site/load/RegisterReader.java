package io.kelvin.core.site.load;

import io.kelvin.core.site.AddressBase;
import io.kelvin.core.site.DataType;
import io.kelvin.core.site.ModbusQuirks;
import io.kelvin.core.site.PointDef;
import io.kelvin.core.site.Register;
import io.kelvin.core.site.RegisterType;
import io.kelvin.core.site.WordOrder;
import java.util.List;
import java.util.Optional;

/**
 * Reads a point's {@code register:} block: table, address (converted from the profile's address base
 * to the wire address), data type, word order, scale, bit fields and string lengths, each checked.
 */
final class RegisterReader {

    private static final int MAX_ADDRESS = 65535;
    private static final int MAX_STRING_REGISTERS = ModbusQuirks.PROTOCOL_MAX_REGISTERS;

    private RegisterReader() {
    }

    static Register register(Node node, ModbusQuirks quirks) {
        node.allowOnly("type", "address", "dataType", "wordOrder", "scale", "offset", "bit", "bits", "length");
        RegisterType type = node.requiredEnum("type", RegisterType.class).orElse(RegisterType.HOLDING);
        int address = address(node, type, quirks.addressBase());
        DataType dataType = node.optEnum("dataType", DataType.class).orElse(type.isBit() ? DataType.BOOL : DataType.UINT16);
        WordOrder wordOrder = node.optEnum("wordOrder", WordOrder.class).orElse(WordOrder.ABCD);
        double scale = node.optNumber("scale").orElse(1.0);
        if (scale == 0) {
            node.problem("scale must not be 0");
            scale = 1.0;
        }
        double offset = node.optNumber("offset").orElse(0.0);
        int bit = node.integerOr("bit", -1, 0, 15);
        int bits = node.integerOr("bits", 0, 1, 16);
        int length = stringLength(node, dataType);
        if (type.isBit() && dataType != DataType.BOOL) {
            node.problem("a " + type.name().toLowerCase() + " holds one bit: dataType must be bool");
        }
        checkBitField(node, type, dataType, bit, bits);
        int count = type.isBit() ? 1 : (dataType == DataType.STRING ? length : dataType.registers());
        if (address + count - 1 > MAX_ADDRESS) {
            node.problem("value runs past register 65535");
        }
        if (!type.isBit() && count > quirks.maxRegisters()) {
            node.problem("spans " + count + " registers, more than modbus.maxRegisters " + quirks.maxRegisters()
                    + " allows in one request");
        }
        return new Register(type, address, dataType, wordOrder, scale, offset, bit, bits, length, -1);
    }

    /** The wire address of {@code address} as the profile writes it. */
    private static int address(Node node, RegisterType type, AddressBase base) {
        return switch (base) {
            case ZERO -> node.integer("address", 0, MAX_ADDRESS);
            case ONE -> node.integer("address", 1, MAX_ADDRESS + 1) - 1;
            case MODICON -> modicon(node, type);
        };
    }

    /** 0xxxx coils, 1xxxx discrete inputs, 3xxxx input and 4xxxx holding registers, five or six digits. */
    private static int modicon(Node node, RegisterType type) {
        int digit = switch (type) {
            case COIL -> 0;
            case DISCRETE_INPUT -> 1;
            case INPUT -> 3;
            case HOLDING -> 4;
        };
        int address = node.integer("address", 1, 465_536);
        int five = digit * 10_000 + 1;
        int six = digit * 100_000 + 1;
        if (address >= five && address <= five + 9_998) {
            return address - five;
        }
        if (address >= six && address <= six + MAX_ADDRESS) {
            return address - six;
        }
        String table = type.name().toLowerCase();
        node.problem("address", address + " is not " + (type == RegisterType.INPUT ? "an " : "a ") + table
                + " address in modicon notation ("
                + (type == RegisterType.COIL ? "1..65536" : five + ".." + (five + 9_998) + " or " + six + ".."
                + (six + MAX_ADDRESS)) + ")");
        return 0;
    }

    private static int stringLength(Node node, DataType dataType) {
        if (dataType != DataType.STRING) {
            if (node.has("length")) {
                node.problem("length is the register count of a string; dataType " + dataType.name().toLowerCase()
                        + " has a fixed size");
            }
            return dataType.registers();
        }
        if (!node.has("length")) {
            node.problem("a string needs length: its register count, 1.." + MAX_STRING_REGISTERS
                    + " (2 characters each)");
            return 1;
        }
        return node.integerOr("length", 1, 1, MAX_STRING_REGISTERS);
    }

    private static void checkBitField(Node node, RegisterType type, DataType dataType, int bit, int bits) {
        if (bits > 0 && bit < 0) {
            node.problem("bits needs bit: the field's lowest bit 0..15");
        }
        if (bit >= 0 && bits > 0 && bit + bits > 16) {
            node.problem("bit " + bit + " + bits " + bits + " runs past bit 15 of the register");
        }
        if (bit >= 0 && type.isBit()) {
            node.problem("bit selects bits of a register; a " + type.name().toLowerCase() + " is a single bit already");
        }
        if (!type.isBit() && dataType == DataType.BOOL && bit < 0) {
            node.problem("a bool on a register needs bit 0..15");
        }
        if (dataType == DataType.BOOL && bits > 1) {
            node.problem("a bool is one bit: use dataType uint16 for a field of " + bits + " bits");
        }
        if (bit >= 0 && dataType != DataType.BOOL && dataType != DataType.UINT16) {
            node.problem("a bit field is an unsigned part of one register: dataType must be bool or uint16, not "
                    + dataType.name().toLowerCase());
        }
    }

    /** Two points may not share a register, unless both are disjoint bit fields of it. */
    static void checkOverlaps(Node root, List<PointDef> points) {
        for (int i = 0; i < points.size(); i++) {
            for (int j = 0; j < i; j++) {
                Optional<Register> a = points.get(i).register();
                Optional<Register> b = points.get(j).register();
                if (a.isPresent() && b.isPresent() && overlap(a.get(), b.get())) {
                    root.problem("points[" + i + "] '" + points.get(i).name() + "' overlaps points[" + j + "] '"
                            + points.get(j).name() + "' in the " + a.get().type().name().toLowerCase() + " table");
                }
            }
        }
    }

    private static boolean overlap(Register a, Register b) {
        if (a.type() != b.type()) {
            return false;
        }
        if (a.isBitField() && b.isBitField()) {
            return a.address() == b.address() && a.bit() < b.bit() + b.bits() && b.bit() < a.bit() + a.bits();
        }
        return a.address() < b.address() + b.count() && b.address() < a.address() + a.count();
    }
}
