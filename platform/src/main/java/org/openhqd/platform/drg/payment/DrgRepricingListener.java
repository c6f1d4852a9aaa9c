package org.openhqd.platform.drg.payment;

import org.openhqd.platform.drg.DrgCasesChanged;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Prices cases once they are stored: after the import (or re-grouping) commits, in the same thread
 * and a new transaction, so the import call returns with its cases priced (the console, the demo
 * and the tests see the figures at once). A failure here does not undo the import: the event stays
 * in the outbox as failed and is delivered again (events/OutboxRetry).
 */
@Component
class DrgRepricingListener {

    private final DrgPaymentActions actions;

    DrgRepricingListener(DrgPaymentActions actions) {
        this.actions = actions;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(DrgCasesChanged event) {
        actions.casesChanged(event.institutionIds(), event.batchId());
    }
}
