package org.openhqd.platform.consultation;

/** How soon the consultant should answer. */
public enum Urgency {
    ROUTINE, URGENT, EMERGENCY
}
