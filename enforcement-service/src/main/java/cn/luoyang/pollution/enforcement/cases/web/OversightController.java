package cn.luoyang.pollution.enforcement.cases.web;

import cn.luoyang.pollution.enforcement.cases.application.CaseQueries;
import cn.luoyang.pollution.enforcement.officers.Officer;
import java.time.Clock;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Lists for oversight: 挂牌督办 cases, re-inspections waiting, and who am I. */
@RestController
class OversightController {

    private final CaseQueries queries;
    private final Clock clock;

    OversightController(CaseQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping("/api/supervision")
    List<CaseSummary> supervised(Officer officer) {
        return queries.supervised(officer).stream().map(c -> CaseSummary.of(c, clock.instant())).toList();
    }

    @GetMapping("/api/reinspections")
    List<CaseSummary> reinspections(Officer officer) {
        return queries.reinspections(officer).stream().map(c -> CaseSummary.of(c, clock.instant())).toList();
    }

    @GetMapping("/api/me")
    Officer me(Officer officer) {
        return officer;
    }
}
