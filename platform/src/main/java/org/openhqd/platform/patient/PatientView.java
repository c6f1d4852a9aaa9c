package org.openhqd.platform.patient;

import java.time.LocalDate;

/**
 * A patient as shown anywhere: the identity number and phone masked. There is no way to get the
 * full identity number out of the API or the console.
 */
public record PatientView(long id, long institutionId, String name, String sex, LocalDate birthDate,
                          String idNumber, InsuranceType insuranceType, String phone) {

    static String maskPhone(String phone) {
        if (phone == null || phone.length() < 7) {
            return phone == null ? null : "****";
        }
        return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }
}
