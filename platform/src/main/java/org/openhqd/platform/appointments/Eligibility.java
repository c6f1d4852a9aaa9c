package org.openhqd.platform.appointments;

import java.time.LocalDate;
import java.time.Period;
import org.springframework.http.HttpStatus;

/**
 * Who a session may be booked for: an age range (paediatrics, geriatrics), one sex (gynaecology,
 * andrology) and whether a referral is needed (MDT and some specialist clinics). The REFERRAL pool
 * always needs one.
 */
public record Eligibility(Integer minAge, Integer maxAge, String sex, boolean referralRequired) {

    public static final Eligibility ANYONE = new Eligibility(null, null, null, false);

    /**
     * @throws Appointments.BookingException 409 naming the field that makes the patient ineligible
     */
    void check(LocalDate birthDate, String patientSex, LocalDate sessionDate, Channel channel, String referralRef) {
        int age = Period.between(birthDate, sessionDate).getYears();
        if (minAge != null && age < minAge) {
            throw refused("patientId", "该号源仅限 " + minAge + " 岁及以上患者 / this clinic is for patients aged " + minAge + " or over");
        }
        if (maxAge != null && age > maxAge) {
            throw refused("patientId", "该号源仅限 " + maxAge + " 岁及以下患者 / this clinic is for patients aged " + maxAge + " or under");
        }
        if (sex != null && !sex.equals(patientSex)) {
            String zh = "1".equals(sex) ? "男" : "女";
            String en = "1".equals(sex) ? "male" : "female";
            throw refused("patientId", "该号源仅限" + zh + "性患者 / this clinic is for " + en + " patients only");
        }
        if ((referralRequired || channel == Channel.REFERRAL) && (referralRef == null || referralRef.isBlank())) {
            throw refused("referralId", "该号源须凭转诊单预约 / this number needs a referral (referralId)");
        }
    }

    private static Appointments.BookingException refused(String field, String message) {
        return new Appointments.BookingException(HttpStatus.CONFLICT, field, message);
    }
}
