package org.openhqd.platform.drg.cases;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import org.openhqd.platform.drg.DrgSchemes;

/**
 * One line of the case list: who, where, the group, the weight and payment figures (null until the
 * payment computation has run) and the QC counts. The patient appears only as the masked number.
 */
record CaseRow(
        long id,
        @JsonProperty("institution_id") long institutionId,
        @JsonProperty("institution_name") String institutionName,
        @JsonProperty("case_id") String caseId,
        @JsonProperty("patient_id_masked") String patientIdMasked,
        String department,
        @JsonProperty("attending_doctor") String attendingDoctor,
        String coder,
        @JsonProperty("discharge_time") LocalDateTime dischargeTime,
        Integer los,
        @JsonProperty("scheme_id") String schemeId,
        @JsonProperty("group_status") String groupStatus,
        String drg,
        @JsonProperty("drg_name") String drgName,
        BigDecimal rw,
        @JsonProperty("total_cost") BigDecimal totalCost,
        @JsonProperty("expected_payment") BigDecimal expectedPayment,
        @JsonProperty("profit_loss") BigDecimal profitLoss,
        String outlier,
        @JsonProperty("qc_errors") int qcErrors,
        @JsonProperty("qc_warnings") int qcWarnings,
        @JsonProperty("qc_infos") int qcInfos,
        @JsonProperty("qc_group_changes") int qcGroupChanges) {

    /** The columns {@link #read} needs, from {@code drg_case c} joined to {@code institution i}. */
    static final String COLUMNS = "c.id, c.institution_id, i.name AS institution_name, c.case_id, c.patient_id_masked, c.department, "
            + "c.attending_doctor, c.coder, c.discharge_time, c.los, c.scheme_id, c.group_status, c.drg, c.rw, c.total_cost, "
            + "c.expected_payment, c.profit_loss, c.outlier, c.qc_errors, c.qc_warnings, c.qc_infos, c.qc_group_changes";

    static CaseRow read(ResultSet rs, DrgSchemes schemes) throws SQLException {
        String scheme = rs.getString("scheme_id");
        String drg = rs.getString("drg");
        return new CaseRow(rs.getLong("id"), rs.getLong("institution_id"), rs.getString("institution_name"),
                rs.getString("case_id"), rs.getString("patient_id_masked"), rs.getString("department"),
                rs.getString("attending_doctor"), rs.getString("coder"), rs.getObject("discharge_time", LocalDateTime.class),
                (Integer) rs.getObject("los", Integer.class), scheme, rs.getString("group_status"), drg, schemes.drgName(scheme, drg).orElse(null),
                rs.getBigDecimal("rw"), rs.getBigDecimal("total_cost"), rs.getBigDecimal("expected_payment"),
                rs.getBigDecimal("profit_loss"), rs.getString("outlier"), rs.getInt("qc_errors"), rs.getInt("qc_warnings"),
                rs.getInt("qc_infos"), rs.getInt("qc_group_changes"));
    }

    /** Whether the payment computation has filled this case's figures. */
    boolean priced() {
        return rw != null || expectedPayment != null;
    }
}
