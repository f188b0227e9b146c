package io.kelvin.core.site;

/**
 * How a profile writes register addresses. ZERO: the wire (PDU) address. ONE: counted from 1, as
 * many manuals do (wire = address - 1). MODICON: the classic notation that puts the table in the
 * leading digit, 0xxxx coils, 1xxxx discrete inputs, 3xxxx input registers, 4xxxx holding registers,
 * five digits (40001 = holding wire address 0, up to 49999) or six (400001..465536).
 */
public enum AddressBase {
    ZERO,
    ONE,
    MODICON
}
