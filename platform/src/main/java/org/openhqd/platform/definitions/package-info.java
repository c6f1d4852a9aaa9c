/**
 * Shared reading of versioned definition tables (indicators, dashboard measures) — used by the
 * outpatient, referral and community modules; it knows no domain.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.openhqd.platform.definitions;
