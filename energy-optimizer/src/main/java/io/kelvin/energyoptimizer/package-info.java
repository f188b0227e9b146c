/** Co-scheduler of deferrable AI jobs: MILP (OR-Tools) behind a planner port, baselines, checker. See README.md. */
package io.kelvin.energyoptimizer;
