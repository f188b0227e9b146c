package io.kelvin.core.site;

import java.time.LocalDate;
import java.util.List;

/**
 * Renewable electricity bought for the site and backed by certificates (ISO/IEC 30134-3 counts it
 * in REF next to on-site generation). {@code mwh} is the energy the certificates cover over
 * {@code from}..{@code to} (both days inclusive, in the site's time zone); a report over part of that
 * span counts the share of {@code mwh} that its time is of the contract's time.
 */
public record RenewableContract(String id, Instrument instrument, List<String> certificates, double mwh,
                                LocalDate from, LocalDate to) {

    public RenewableContract {
        certificates = List.copyOf(certificates);
    }

    /** The instrument that proves the renewable origin. */
    public enum Instrument {
        /** EU Guarantee of Origin (Directive (EU) 2018/2001, Art. 19). */
        GO,
        /** Renewable Energy Certificate (North American and I-REC markets). */
        REC,
        /** China Green Electricity Certificate (绿色电力证书). */
        GEC,
        /** Power purchase agreement with bundled certificates. */
        PPA
    }
}
