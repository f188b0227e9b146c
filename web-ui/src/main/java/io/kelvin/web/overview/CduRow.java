package io.kelvin.web.overview;

/** One CDU's loop as the overview grid shows it. Temperatures in the profile's unit (degC), flow in l/min. */
public record CduRow(String deviceId, Reading supplyTemp, Reading returnTemp, Reading flow, Reading supplySetpoint) {
}
