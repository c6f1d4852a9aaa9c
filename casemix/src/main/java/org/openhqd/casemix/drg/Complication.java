package org.openhqd.casemix.drg;

/** The complication clause of a DRG (drg.tsv {@code condition}). */
enum Complication {
    /** No complication needed. */
    ALWAYS,
    /** A major complication or comorbidity (MCC, 严重并发症或合并症) that the principal does not exclude. */
    MCC,
    /** An MCC or a complication or comorbidity (CC, 并发症或合并症). */
    MCC_OR_CC
}
