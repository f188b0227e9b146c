/**
 * Ports through which auditor reports will read data that lives outside the telemetry store:
 * demand-response events with their measured curtailment, and the optimizer's plans with what was
 * metered. Neither has an adapter yet (events and baselines are in green-power, plans in the
 * web-ui's database; the web-ui will wire both): reports state these sections as not available
 * until one is.
 */
package io.kelvin.core.reporting;
