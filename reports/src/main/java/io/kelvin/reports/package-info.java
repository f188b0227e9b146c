/**
 * Energy accounting and auditor reports: the KPI engine over the telemetry store ({@code report}),
 * how a meter's energy is measured ({@code metering}), the KPI formulas with their clauses ({@code kpi}),
 * report periods in the site's time zone ({@code period}) and the exports ({@code export}).
 */
package io.kelvin.reports;
