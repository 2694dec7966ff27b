package cn.luoyang.pollution.dispatch.queue.web;

import cn.luoyang.pollution.kit.security.Caller;
import cn.luoyang.pollution.contracts.dispatch.CaseDispatched;
import cn.luoyang.pollution.dispatch.dispatching.DecisionRecord;
import cn.luoyang.pollution.dispatch.dispatching.ManualAssignment;
import cn.luoyang.pollution.dispatch.queue.ManualQueue;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The campaign office's manual queue. */
@RestController
@RequestMapping("/dispatch/queue")
class QueueController {

    private final ManualQueue queue;

    public QueueController(ManualQueue queue) {
        this.queue = queue;
    }

    @GetMapping
    public List<DecisionRecord> waiting() {
        return queue.waiting();
    }

    @PostMapping("/{complaintId}/assign")
    public CaseDispatched assign(@PathVariable String complaintId, @RequestBody ManualAssignment assignment,
            Caller caller) {
        return queue.assign(complaintId, assignment.signedBy(caller.name()));
    }
}
