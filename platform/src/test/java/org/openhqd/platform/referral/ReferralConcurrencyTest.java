package org.openhqd.platform.referral;

import org.junit.jupiter.api.RepeatedTest;
import org.openhqd.platform.support.DemoPlatformTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Concurrent accept/reject of one referral on H2: one outcome. */
@DemoPlatformTest
class ReferralConcurrencyTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReferralWorkflow workflow;

    @RepeatedTest(3)
    void concurrentDecisionsHaveOneOutcome() throws Exception {
        ReferralFixture f = new ReferralFixture(mvc, jdbc);
        long id = f.created("demo-doctor-a", f.patient("T001", 20), f.institution("H001"), "UP", "");
        ReferralRace.run(workflow, jdbc, f.principal("demo-doctor"), id, 8);
    }
}
