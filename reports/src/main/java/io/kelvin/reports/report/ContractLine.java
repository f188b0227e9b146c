package io.kelvin.reports.report;

import io.kelvin.core.site.RenewableContract;

/** A renewable contract and the kWh of it the report period counts. */
public record ContractLine(RenewableContract contract, double allocatedKwh) {
}
