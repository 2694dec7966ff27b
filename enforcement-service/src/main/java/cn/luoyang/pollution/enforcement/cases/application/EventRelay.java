package cn.luoyang.pollution.enforcement.cases.application;

/**
 * Publishes what a case's outbox holds. {@link #publishSoon} never fails the caller: if the broker
 * is away the events stay in the outbox and the relay's sweep sends them later.
 */
public interface EventRelay {

    void publishSoon(String caseId);
}
