package org.openhqd.platform.appointments;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Notices for patients, collected by the SMS / app integration that delivers them. */
@RestController
@RequestMapping("/api/v1/notices")
@PreAuthorize("hasAnyRole('INTEGRATION','SYSTEM_ADMIN','COMMUNITY_ADMIN','INSTITUTION_ADMIN')")
class NoticeApi {

    private final PatientNotices notices;

    NoticeApi(PatientNotices notices) {
        this.notices = notices;
    }

    @GetMapping
    List<PatientNotices.Notice> pending(@RequestParam(defaultValue = "100") int limit) {
        return notices.pending(limit);
    }

    @PostMapping("/{id}/sent")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void sent(@PathVariable long id) {
        if (!notices.sent(id)) {
            throw new Appointments.BookingException(HttpStatus.NOT_FOUND, "id", "通知不存在、已发送或无权访问 / no such pending notice");
        }
    }
}
