package org.openhqd.quality;

/** What a rule checks (issue #6 item 2; record-quality.md §2). */
public enum Category {
    /** 完整性: required fields are filled. */
    COMPLETENESS,
    /** 规范性: codes, value sets and formats. */
    VALIDITY,
    /** 逻辑性: fields agree with each other (sex, age, dates, costs). */
    LOGIC,
    /** Coding choices that change the DRG group (主要诊断/主要手术选择, complications). */
    DRG
}
