package io.kelvin.energyoptimizer.model;

/**
 * A demand-response import cap over slots {@code [fromSlot, toSlot)}: grid import at most
 * {@code capKw}. A hard event is a constraint; when no plan meets it, the optimizer relaxes it to a
 * penalised soft cap and reports that. A soft event is always penalised per kWh above the cap.
 */
public record DrEvent(String id, int fromSlot, int toSlot, double capKw, boolean hard) {

    public boolean covers(int slot) {
        return slot >= fromSlot && slot < toSlot;
    }

    public DrEvent soft() {
        return new DrEvent(id, fromSlot, toSlot, capKw, false);
    }

    public DrEvent shifted(int slots) {
        return new DrEvent(id, fromSlot - slots, toSlot - slots, capKw, hard);
    }
}
