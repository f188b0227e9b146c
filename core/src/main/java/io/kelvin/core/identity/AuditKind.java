package io.kelvin.core.identity;

/**
 * What an audit record is about. Kinds for features other modules add (alarms, demand response,
 * reports, settings) are here already so that every module records into the one trail.
 */
public enum AuditKind {
    LOGIN,
    LOGIN_FAILED,
    LOGOUT,
    PASSWORD_CHANGED,
    USER_CREATED,
    USER_PASSWORD_RESET,
    USER_DISABLED,
    USER_ENABLED,
    CLIENT_CREATED,
    CLIENT_SECRET_ROTATED,
    CLIENT_DISABLED,
    TOKEN_ISSUED,
    TOKEN_REFUSED,
    JOB_SUBMITTED,
    JOB_CANCELLED,
    SETPOINT_WRITTEN,
    SETTING_CHANGED,
    ALARM_ACKNOWLEDGED,
    ALARM_SHELVED,
    ALARM_UNSHELVED,
    DR_EVENT_CREATED,
    DR_EVENT_CHANGED,
    DR_OPT_OUT,
    DR_OPT_IN,
    DR_GRID_API_CHANGED,
    DR_GUARD_ACTED,
    REPORT_EXPORTED
}
