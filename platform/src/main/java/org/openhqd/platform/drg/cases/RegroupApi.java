package org.openhqd.platform.drg.cases;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.openhqd.platform.drg.DrgAccess;
import org.openhqd.platform.security.CurrentUser;
import org.openhqd.platform.security.StaffPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The institution's grouping scheme and re-grouping runs (重新分组) over the API. */
@RestController
@RequestMapping("/api/v1/drg")
@Tag(name = "DRG 重新分组与方案 / re-grouping and schemes")
class RegroupApi {

    @Schema(name = "SchemeSettingRequest")
    record SchemeRequest(@JsonProperty("institution_id") @Schema(description = "默认为调用者所在机构 / default: the caller's institution")
                         Long institutionId,
                         @Schema(description = "内置方案编号 / a built-in scheme id", example = "beijing-2022") String scheme) {
    }

    @Schema(name = "RegroupRequest")
    record RegroupRequest(@JsonProperty("institution_id") @Schema(description = "默认为调用者所在机构 / default: the caller's institution")
                          Long institutionId,
                          @Schema(description = "默认为机构配置的方案；指定其他方案时该方案同时成为机构的方案 / default: the institution's scheme; "
                                  + "another scheme also becomes the institution's", example = "chs-drg-1.1") String scheme) {
    }

    record Settings(List<SchemeSettings.Scheme> schemes, List<SchemeSettings.InstitutionScheme> institutions) {
    }

    private final SchemeSettings settings;
    private final Regrouping regrouping;
    private final RegroupRuns runs;
    private final RegroupChanges changeLists;

    RegroupApi(SchemeSettings settings, Regrouping regrouping, RegroupRuns runs, RegroupChanges changes) {
        this.settings = settings;
        this.regrouping = regrouping;
        this.runs = runs;
        this.changeLists = changes;
    }

    static StaffPrincipal manager() {
        StaffPrincipal me = CurrentUser.get();
        if (!DrgAccess.mayManage(me)) {
            throw new AccessDeniedException("may not manage DRG settings");
        }
        return me;
    }

    @GetMapping("/settings")
    @Operation(summary = "分组方案设置 / the schemes and each institution's", description = "内置方案，以及范围内各机构使用的方案和病例数。")
    Settings settings() {
        StaffPrincipal me = DrgCasesConsole.reader();
        return new Settings(settings.builtIn(), settings.list(me.scope()));
    }

    @PutMapping("/settings/scheme")
    @Operation(summary = "设置机构的分组方案 / set an institution's scheme",
            description = "只能选内置方案（否则 400）；记入审计日志。已入库病例不自动重新分组：请发起 POST /api/v1/drg/regroup。 / Only built-in "
                    + "schemes (else 400); audited. Stored cases are not regrouped by this: start a re-grouping run.")
    SchemeSettings.InstitutionScheme setScheme(@RequestBody SchemeRequest request) {
        StaffPrincipal me = manager();
        return settings.set(request.institutionId() == null ? me.institutionId() : request.institutionId(), request.scheme(), me);
    }

    @PostMapping("/regroup")
    @Operation(summary = "重新分组机构的全部病例 / regroup every case of an institution",
            description = "后台执行，立即返回 202 与运行记录，Location 为状态地址；同一机构同时只能有一个运行（409）。分块提交（每块 "
                    + Regrouping.CHUNK + " 例），中断后可 POST …/resume 继续。完成后发布 DrgCasesChanged，支付测算随之更新。 / Runs in the "
                    + "background: 202 with the run and its status URL; one run per institution at a time (409); committed in chunks, "
                    + "resumable; publishes DrgCasesChanged at the end.")
    ResponseEntity<RegroupRuns.Run> regroup(@RequestBody(required = false) RegroupRequest request) {
        StaffPrincipal me = manager();
        Long institution = request == null ? null : request.institutionId();
        RegroupRuns.Run run = regrouping.start(institution == null ? me.institutionId() : institution,
                request == null ? null : request.scheme(), me);
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/v1/drg/regroup/" + run.id())).body(run);
    }

    @PostMapping("/regroup/{id}/resume")
    @Operation(summary = "继续中断或失败的重新分组 / resume an interrupted or failed run")
    ResponseEntity<RegroupRuns.Run> resume(@PathVariable long id) {
        StaffPrincipal me = manager();
        RegroupRuns.Run run = regrouping.resume(id, me);
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/v1/drg/regroup/" + run.id())).body(run);
    }

    @GetMapping("/regroup")
    @Operation(summary = "重新分组记录 / the re-grouping runs", description = "范围内最近 100 次。")
    List<RegroupRuns.Run> list() {
        StaffPrincipal me = DrgCasesConsole.reader();
        return runs.recent(me.scope(), 100);
    }

    @GetMapping("/regroup/{id}")
    @Operation(summary = "一次重新分组的状态 / a run's status", description = "status: QUEUED | RUNNING | FINISHED | FAILED | INTERRUPTED")
    RegroupRuns.Run status(@PathVariable long id) {
        StaffPrincipal me = DrgCasesConsole.reader();
        return runs.get(id, me.scope()).orElseThrow(DrgProblem::notFound);
    }

    @GetMapping("/regroup/{id}/changes")
    @Operation(summary = "分组改变的病例 / the cases whose group changed", description = "旧→新状态与 DRG，按处理顺序分页（after=上页 next）；记入审计日志。")
    RegroupRuns.Changes changes(@PathVariable long id, @RequestParam(required = false) String after,
                                @RequestParam(defaultValue = "100") int size) {
        StaffPrincipal me = DrgCasesConsole.reader();
        return changeLists.read(id, me, DrgCasesConsole.afterParam(after), size);
    }

}
