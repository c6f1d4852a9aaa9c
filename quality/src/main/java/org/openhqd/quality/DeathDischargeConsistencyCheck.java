package org.openhqd.quality;

/**
 * DEATH_DISCHARGE_CONSISTENCY — a diagnosis that records the patient's death (e.g. R96–R99, I46.1
 * sudden cardiac death) requires 离院方式 {@code 5} (死亡), and 离院方式 {@code 5} must not name a
 * receiving institution (R-T4). Parameters: {@code codes}, {@code death_value} (default 5).
 */
final class DeathDischargeConsistencyCheck implements Check {

    private final CodeRanges codes;
    private final String deathValue;

    DeathDischargeConsistencyCheck(Params p) {
        this.codes = p.codes("codes");
        this.deathValue = p.text("death_value", "5");
    }

    @Override
    public void run(CheckContext ctx, Hits hits) {
        DischargeRecord r = ctx.record;
        boolean died = r.dischargeType().strip().equals(deathValue);
        for (int i = 0; i < r.diagnoses().size(); i++) {
            String code = r.diagnoses().get(i).code();
            if (!died && codes.contains(code)) {
                hits.add("discharge_type", r.dischargeType(), code);
                return;
            }
        }
        if (died && !Text.blank(r.transferInstitution())) {
            hits.add("transfer_institution", r.transferInstitution(), deathValue);
        }
    }
}
