/**
 * Ports through which auditor reports will read data that lives outside the telemetry store:
 * demand-response events with their measured response, and the optimizer's plans with what was
 * metered. Neither has an adapter yet (demand response is not built; plans live in the web-ui's
 * database): reports state these sections as not available until one is wired.
 */
package io.kelvin.core.reporting;
