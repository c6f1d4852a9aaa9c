package org.openhqd.platform.demo;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** {@code ./hqd serve --demo}: loads the demo community into an empty database at start-up. */
@Component
@ConditionalOnProperty(name = "hqd.demo", havingValue = "true")
class DemoLoader implements ApplicationRunner {

    private final DemoCommunity demo;
    private final DemoSchedules schedules;
    private final org.openhqd.platform.referral.ReferralDemo referrals;
    private final org.openhqd.platform.community.CommunityPaymentDemo payments;
    private final org.openhqd.platform.consultation.ConsultationDemo consultations;
    private final org.openhqd.platform.drg.DrgDemo drg;
    private final int patients;
    private final int drgCases;

    DemoLoader(DemoCommunity demo, DemoSchedules schedules, org.openhqd.platform.referral.ReferralDemo referrals,
               org.openhqd.platform.community.CommunityPaymentDemo payments,
               org.openhqd.platform.consultation.ConsultationDemo consultations, org.openhqd.platform.drg.DrgDemo drg,
               @Value("${hqd.demo.patients:50000}") int patients, @Value("${hqd.demo.drg-cases:24000}") int drgCases) {
        this.demo = demo;
        this.schedules = schedules;
        this.referrals = referrals;
        this.payments = payments;
        this.consultations = consultations;
        this.drg = drg;
        this.patients = patients;
        this.drgCases = drgCases;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (demo.empty()) {
            demo.load(20261124L, patients);
            schedules.load(20261124L); // a month back, and the coming week
            referrals.load(20261124L, patients); // a year of referrals up and down
            payments.load("H001", 20261124L); // last year's insurance settlements, budget and sharing rules
            consultations.load(20261124L, 48); // remote consultations and ECG/imaging readings
            if (drgCases > 0) {
                drg.load("H001", 20261124L, drgCases); // last year's discharges of the county hospital (DRG)
            }
            // scripts (benchmarks) wait for this line before they add their own data
            org.slf4j.LoggerFactory.getLogger(DemoLoader.class).info("示范数据已全部载入 / demo data loaded");
        }
    }
}
