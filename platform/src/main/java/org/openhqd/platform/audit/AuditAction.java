package org.openhqd.platform.audit;

/** What an audit record is about; the message key {@code audit.action.<NAME>} names it in Chinese. */
public enum AuditAction {
    CREATE, UPDATE, DELETE, READ, EXPORT, LOGIN_SUCCESS, LOGIN_FAILURE, TOKEN_ISSUED, TOKEN_REVOKED, SETUP
}
