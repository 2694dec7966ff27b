package cn.luoyang.pollution.contracts.cases;

import cn.luoyang.pollution.contracts.Event;


/** Everything enforcement-service publishes on {@code cases.lifecycle}; keyed by case id. */
public interface CaseEvent extends Event {

    String caseId();

    @Override
    default String aggregateId() {
        return caseId();
    }
}
