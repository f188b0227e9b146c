/**
 * Jobs submitted for planning and the plans made for them, as stored: typed records and the ports
 * ({@link io.kelvin.core.plan.JobStore}, {@link io.kelvin.core.plan.JobRunStore},
 * {@link io.kelvin.core.plan.PlanStore}) whose JDBC adapters live in the {@code state} module.
 */
package io.kelvin.core.plan;
