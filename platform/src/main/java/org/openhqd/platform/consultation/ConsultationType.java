package org.openhqd.platform.consultation;

/** What is asked of the consulting institution. */
public enum ConsultationType {
    /** 远程会诊: a discussion of the patient at a scheduled time. */
    CONSULTATION,
    /** 远程心电诊断: an ECG read and reported, no session. */
    ECG_READING,
    /** 远程影像诊断: images (DR, CT, MR) read and reported, no session. */
    IMAGING_READING;

    /** Readings are reported straight after acceptance; only a consultation has a session to schedule. */
    public boolean isReading() {
        return this != CONSULTATION;
    }
}
