package io.kelvin.energyoptimizer.model;

/**
 * How far a planner got. OPTIMAL: the plan is within the settings' relative gap of a proven lower
 * bound (on the controllable part of the objective for the decomposition). FEASIBLE: a verified plan
 * with a bound but a larger gap. HEURISTIC: a rule-based plan with no bound (the baselines).
 */
public enum SolveStatus { OPTIMAL, FEASIBLE, HEURISTIC }
