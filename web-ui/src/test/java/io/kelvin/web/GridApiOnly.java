package io.kelvin.web;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The app on a site whose {@code demandResponse:} section names no VTN, only Kelvin's own grid API
 * ({@link TempDataDir} writes that section when this profile is active).
 */
public class GridApiOnly implements QuarkusTestProfile {
}
