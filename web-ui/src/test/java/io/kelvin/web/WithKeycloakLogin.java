package io.kelvin.web;

/**
 * {@link WithKeycloak} in an app of its own, for the dashboard's code-flow logins: they run on an app
 * that has not yet seen the API tests' forged and expired tokens.
 */
public class WithKeycloakLogin extends WithKeycloak {
}
