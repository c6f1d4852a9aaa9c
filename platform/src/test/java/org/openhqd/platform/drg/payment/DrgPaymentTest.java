package org.openhqd.platform.drg.payment;

import org.openhqd.platform.support.DemoPlatformTest;
import org.springframework.test.context.event.RecordApplicationEvents;

/** The weights-and-payment scenarios on H2. */
@DemoPlatformTest
@RecordApplicationEvents
class DrgPaymentTest extends DrgPaymentScenarios {
}
