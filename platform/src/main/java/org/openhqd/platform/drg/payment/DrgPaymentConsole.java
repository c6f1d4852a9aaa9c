package org.openhqd.platform.drg.payment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.openhqd.platform.drg.WeightSet;
import org.openhqd.platform.security.CurrentUser;
import org.openhqd.platform.security.StaffPrincipal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The console page 权重与支付 ({@code /drg/payment}): the active weight set with its method and per-DRG
 * table, the community's other sets, the year's payment settings and base rates, the caller's
 * profit/loss with its sensitivity to the base rates; for managers the compute and upload forms,
 * activation and the settings form.
 */
@Controller
@PreAuthorize("!hasRole('AUDITOR')")
class DrgPaymentConsole {

    static final int PAGE_SIZE = 50;

    private final DrgPaymentQueries queries;
    private final DrgPaymentActions actions;
    private final DrgPaymentAccess access;

    DrgPaymentConsole(DrgPaymentQueries queries, DrgPaymentActions actions, DrgPaymentAccess access) {
        this.queries = queries;
        this.actions = actions;
        this.access = access;
    }

    @GetMapping("/drg/payment")
    String page(@RequestParam(required = false) String scheme, @RequestParam(required = false) Integer year,
                @RequestParam(required = false) Long set, @RequestParam(required = false) String q,
                @RequestParam(defaultValue = "0") int page, Model model) {
        StaffPrincipal me = access.reader(CurrentUser.get());
        DrgPaymentQueries.SetsView sets = queries.sets(me, scheme);
        WeightSet shown = set != null ? queries.set(me, set) : sets.active();
        int y = year == null ? queries.defaultYear(me) : year;
        model.addAttribute("sets", sets);
        model.addAttribute("shown", shown);
        model.addAttribute("rows", shown == null ? null : queries.rows(me, shown.id(), q, page, PAGE_SIZE));
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("year", y);
        model.addAttribute("settings", queries.settings(me, y, sets.schemeId()));
        model.addAttribute("figures", queries.figures(me, y));
        model.addAttribute("mayManage", access.manages(me));
        model.addAttribute("method", actions.defaultParameters());
        return "drg-payment";
    }

    @PostMapping("/drg/payment/compute")
    String compute(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        StaffPrincipal me = access.manager(CurrentUser.get());
        String scheme = queries.scheme(me, form.get("scheme"));
        try {
            WeightComputeRequest r = WeightComputeRequest.fromForm(form);
            WeightSet s = actions.compute(me, scheme, r.parameters(actions.defaultParameters()), r.name(), r.versionLabel(),
                    r.activates());
            redirect.addFlashAttribute("done", "computed");
            return back(scheme, null, s.id());
        } catch (PaymentRequestException e) {
            redirect.addFlashAttribute("problem", e.message());
            return back(scheme, null, null);
        }
    }

    @PostMapping("/drg/payment/official")
    String official(@RequestParam("file") MultipartFile file, @RequestParam(required = false) String scheme,
                    @RequestParam(required = false) String name, @RequestParam(required = false) String versionLabel,
                    @RequestParam(required = false) String activate, RedirectAttributes redirect) throws IOException {
        StaffPrincipal me = access.manager(CurrentUser.get());
        String s = queries.scheme(me, scheme);
        try {
            WeightSet loaded = actions.loadOfficial(me, s, new String(file.getBytes(), StandardCharsets.UTF_8), name, versionLabel,
                    "on".equals(activate) || "true".equals(activate));
            redirect.addFlashAttribute("done", "loaded");
            return back(s, null, loaded.id());
        } catch (WeightImportException e) {
            redirect.addFlashAttribute("importProblems", e.problems());
        } catch (PaymentRequestException e) {
            redirect.addFlashAttribute("problem", e.message());
        }
        return back(s, null, null);
    }

    @PostMapping("/drg/payment/activate")
    String activate(@RequestParam long setId, RedirectAttributes redirect) {
        StaffPrincipal me = access.manager(CurrentUser.get());
        WeightSet s = actions.activate(me, setId);
        redirect.addFlashAttribute("done", "activated");
        return back(s.schemeId(), null, null);
    }

    @PostMapping("/drg/payment/settings")
    String settings(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        StaffPrincipal me = access.manager(CurrentUser.get());
        Integer year = form.getOrDefault("year", "").matches("\\d{4}") ? Integer.valueOf(form.get("year")) : null;
        try {
            var saved = actions.saveSettings(me, PaymentSettingsRequest.fromForm(form).toSettings(actions.settingsDefaults()));
            redirect.addFlashAttribute("done", "saved");
            return back(queries.scheme(me, form.get("scheme")), saved.year(), null);
        } catch (PaymentRequestException e) {
            redirect.addFlashAttribute("settingsProblem", e.message());
            return back(queries.scheme(me, form.get("scheme")), year, null);
        }
    }

    private static String back(String scheme, Integer year, Long set) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/drg/payment");
        if (scheme != null && !scheme.isBlank()) {
            b.queryParam("scheme", scheme);
        }
        if (year != null) {
            b.queryParam("year", year);
        }
        if (set != null) {
            b.queryParam("set", set);
        }
        return "redirect:" + b.encode().build().toUriString();
    }
}
