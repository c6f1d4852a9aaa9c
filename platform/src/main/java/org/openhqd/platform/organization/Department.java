package org.openhqd.platform.organization;

/** A department of an institution, with its standard department code (诊疗科目代码). */
public record Department(long id, long institutionId, String code, String name) {
}
