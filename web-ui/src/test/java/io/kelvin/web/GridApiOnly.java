package io.kelvin.web;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The app on a site whose {@code demandResponse:} section names no VTN, only Kelvin's own grid API, and whose tariff
 * is in yuan with an exchange rate to EUR ({@link TempDataDir} writes both when this profile is active).
 */
public class GridApiOnly implements QuarkusTestProfile {
}
