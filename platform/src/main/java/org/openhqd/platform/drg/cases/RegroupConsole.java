package org.openhqd.platform.drg.cases;

import org.openhqd.platform.drg.DrgAccess;
import org.openhqd.platform.security.StaffPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 分组方案 and 重新分组 on the console: the institutions' schemes, starting a run, and its progress and changes. */
@Controller
class RegroupConsole {

    private final SchemeSettings settings;
    private final Regrouping regrouping;
    private final RegroupRuns runs;
    private final RegroupChanges changes;
    private final ScopeInstitutions institutions;

    RegroupConsole(SchemeSettings settings, Regrouping regrouping, RegroupRuns runs, RegroupChanges changes,
                   ScopeInstitutions institutions) {
        this.settings = settings;
        this.regrouping = regrouping;
        this.runs = runs;
        this.changes = changes;
        this.institutions = institutions;
    }

    @GetMapping("/drg/settings")
    String settings(Model model) {
        StaffPrincipal me = DrgCasesConsole.reader();
        model.addAttribute("schemes", settings.builtIn());
        model.addAttribute("institutions", settings.list(me.scope()));
        model.addAttribute("mayManage", DrgAccess.mayManage(me));
        return "drg-settings";
    }

    @PostMapping("/drg/settings")
    String setScheme(@RequestParam long institution, @RequestParam String scheme, RedirectAttributes redirect) {
        StaffPrincipal me = RegroupApi.manager();
        try {
            SchemeSettings.InstitutionScheme s = settings.set(institution, scheme, me);
            redirect.addFlashAttribute("saved", s.name() + " → " + s.schemeId());
        } catch (DrgProblem e) {
            redirect.addFlashAttribute("error", e.detail());
        }
        return "redirect:/drg/settings";
    }

    @GetMapping("/drg/regroup")
    String runs(Model model) {
        StaffPrincipal me = DrgCasesConsole.reader();
        model.addAttribute("runs", runs.recent(me.scope(), 100));
        model.addAttribute("institutions", settings.list(me.scope()));
        model.addAttribute("schemes", settings.builtIn());
        model.addAttribute("mayManage", DrgAccess.mayManage(me));
        model.addAttribute("own", me.institutionId());
        return "drg-regroup";
    }

    @PostMapping("/drg/regroup")
    String start(@RequestParam long institution, @RequestParam(required = false) String scheme, RedirectAttributes redirect) {
        StaffPrincipal me = RegroupApi.manager();
        try {
            RegroupRuns.Run run = regrouping.start(institution, scheme == null || scheme.isBlank() ? null : scheme, me);
            return "redirect:/drg/regroup/" + run.id();
        } catch (DrgProblem e) {
            redirect.addFlashAttribute("error", e.detail());
            return "redirect:/drg/regroup";
        }
    }

    @PostMapping("/drg/regroup/{id}/resume")
    String resume(@PathVariable long id, RedirectAttributes redirect) {
        StaffPrincipal me = RegroupApi.manager();
        try {
            regrouping.resume(id, me);
        } catch (DrgProblem e) {
            if (e.getStatusCode().value() == 404) {
                throw e;
            }
            redirect.addFlashAttribute("error", e.detail());
        }
        return "redirect:/drg/regroup/" + id;
    }

    @GetMapping("/drg/regroup/{id}")
    String run(@PathVariable long id, @RequestParam(required = false) String after, Model model) {
        StaffPrincipal me = DrgCasesConsole.reader();
        RegroupRuns.Changes c = changes.read(id, me, DrgCasesConsole.afterParam(after), 100);
        model.addAttribute("c", c);
        model.addAttribute("run", c.run());
        model.addAttribute("mayManage", DrgAccess.mayManage(me));
        model.addAttribute("nextHref", c.next() == null ? null : "/drg/regroup/" + id + "?after=" + c.next());
        model.addAttribute("firstHref", after == null ? null : "/drg/regroup/" + id);
        return "drg-regroup-run";
    }
}
