package io.kelvin.web.api;

/**
 * An RFC 9457 problem detail, the body of every error response ({@code application/problem+json}).
 * {@code detail} is written for people and never names Java classes.
 */
public record Problem(String type, String title, int status, String detail, String instance) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
