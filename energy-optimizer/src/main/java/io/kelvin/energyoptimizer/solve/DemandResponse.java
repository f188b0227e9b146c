package io.kelvin.energyoptimizer.solve;

import io.kelvin.energyoptimizer.model.DrEvent;
import io.kelvin.energyoptimizer.model.Problem;

/** Cheap pre-check: does the load no plan can move (idle + running jobs) already exceed a hard DR cap? */
final class DemandResponse {

    private DemandResponse() {
    }

    static boolean fixedLoadBreaksAHardCap(Problem p) {
        for (DrEvent e : p.drEvents()) {
            for (int t = Math.max(0, e.fromSlot()); e.hard() && t < Math.min(p.slots(), e.toSlot()); t++) {
                double it = p.site().idleKw() + p.unmovableDeltaKw(t);
                double facility = it + p.cooling().coolingKw(it, p.forecast().ambientC()[t]);
                if (facility - p.forecast().renewableKw(t) > e.capKw() + 1e-6) {
                    return true;
                }
            }
        }
        return false;
    }
}
