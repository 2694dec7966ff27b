package cn.luoyang.pollution.dispatch.returns.web;

import cn.luoyang.pollution.kit.security.Caller;
import cn.luoyang.pollution.contracts.dispatch.CaseDispatched;
import cn.luoyang.pollution.dispatch.dispatching.Arbitration;
import cn.luoyang.pollution.dispatch.dispatching.CaseFile;
import cn.luoyang.pollution.dispatch.returns.Returns;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Cases disputed by departments, waiting for the campaign office (攻坚办), and its final decision. */
@RestController
@RequestMapping("/dispatch/arbitrations")
class ArbitrationController {

    private final Returns returns;

    public ArbitrationController(Returns returns) {
        this.returns = returns;
    }

    @GetMapping
    public List<CaseFile> waiting() {
        return returns.awaitingArbitration();
    }

    /** Body: leadDepartment, coHandlingDepartments, level, priority, deadlineProfile, reason; signed by the caller. */
    @PostMapping("/{caseId}/decide")
    public CaseDispatched decide(@PathVariable String caseId, @RequestBody Arbitration decision, Caller caller) {
        return returns.arbitrate(caseId, decision.signedBy(caller.name()));
    }
}
