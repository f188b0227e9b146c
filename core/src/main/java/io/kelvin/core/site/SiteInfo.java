package io.kelvin.core.site;

import java.time.ZoneId;

/** Identity and location of a site. Latitude and longitude in decimal degrees (WGS 84). */
public record SiteInfo(String id, String name, ZoneId timezone, double latitude, double longitude) {
}
