package org.openhqd.platform.community;

/** The setting of a settled case: 住院 or 门诊 (retail-pharmacy purchases are not imported; MC08 excludes them). */
public enum VisitType { INPATIENT, OUTPATIENT }
