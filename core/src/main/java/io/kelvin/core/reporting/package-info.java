/**
 * Ports through which auditor reports read data that lives outside the telemetry store: the
 * optimizer's plans with what was metered ({@link io.kelvin.core.reporting.PlanOutcomeHistory}, read from the
 * state database). Demand-response events and the caps they asked for come through
 * {@link io.kelvin.core.dr.DrEventStore}.
 */
package io.kelvin.core.reporting;
