/** OR-Tools MILP co-scheduler of deferrable AI jobs. Not built yet: see README.md. */
package io.kelvin.energyoptimizer;
