package org.openhqd.platform.community;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.openhqd.platform.security.CurrentUser;
import org.openhqd.platform.security.StaffPrincipal;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The console page 医保打包付费模拟: year selector, calculation sheet, member shares, settings form and settlement upload. */
@Controller
@PreAuthorize("!hasRole('AUDITOR')")
class BundledPaymentConsole {

    private final BundledPayment payment;
    private final PaymentSettingsStore settings;
    private final Settlements settlements;
    private final PaymentAccess access;

    BundledPaymentConsole(BundledPayment payment, PaymentSettingsStore settings, Settlements settlements, PaymentAccess access) {
        this.payment = payment;
        this.settings = settings;
        this.settlements = settlements;
        this.access = access;
    }

    @GetMapping("/community/bundled-payment")
    String page(@RequestParam(required = false) Integer year, Model model) {
        StaffPrincipal me = CurrentUser.get();
        PaymentReport report = payment.report(me, year);
        model.addAttribute("report", report);
        boolean manages = access.manages(me);
        model.addAttribute("mayManage", manages);
        model.addAttribute("members", manages ? payment.members(me) : java.util.List.of());
        model.addAttribute("keys", report.settings() == null ? Map.of() : report.settings().members().stream()
                .collect(java.util.stream.Collectors.toMap(MemberKey::institutionId, k -> k)));
        return "bundled-payment";
    }

    @PostMapping("/community/bundled-payment/settings")
    String save(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        StaffPrincipal me = manager();
        try {
            PaymentSettings s = PaymentSettingsForm.read(form, payment.members(me));
            settings.save(s, me);
            redirect.addFlashAttribute("saved", true);
            return "redirect:/community/bundled-payment?year=" + s.year();
        } catch (InvalidCommunityRequestException e) {
            redirect.addFlashAttribute("settingsProblem", e.message());
            return "redirect:/community/bundled-payment" + (form.getOrDefault("year", "").matches("\\d{4}") ? "?year=" + form.get("year") : "");
        }
    }

    /** Upload of the insurer's settlements (CSV); every problem is shown with its line and field, and nothing is imported then. */
    @PostMapping("/community/bundled-payment/settlements")
    String upload(@RequestParam("file") MultipartFile file, RedirectAttributes redirect) throws IOException {
        StaffPrincipal me = manager();
        try {
            redirect.addFlashAttribute("imported", settlements.importCsv(new String(file.getBytes(), StandardCharsets.UTF_8), me));
        } catch (CsvImportException e) {
            redirect.addFlashAttribute("importProblems", e.problems());
        }
        return "redirect:/community/bundled-payment";
    }

    private StaffPrincipal manager() {
        StaffPrincipal me = CurrentUser.get();
        if (!access.manages(me)) {
            throw new AccessDeniedException("not a manager of the community's payment");
        }
        return me;
    }
}
