package cn.luoyang.pollution.notification.survey;

import java.time.Instant;

/**
 * The satisfaction survey (回访) that a CLOSED message opened for one reporter of one case. It is
 * answered at most once; the answer waits in {@code eventPending} until it is published.
 */
public record Survey(String id, String caseId, String complaintId, String phoneHash, Instant openedAt,
        Rating rating, Instant answeredAt, boolean eventPending) {

    public static Survey open(String id, String caseId, String complaintId, String phoneHash, Instant at) {
        return new Survey(id, caseId, complaintId, phoneHash, at, null, null, false);
    }

    public boolean answered() {
        return rating != null;
    }

    public Survey answer(Rating answer, Instant at) {
        if (answered()) {
            throw new IllegalStateException("survey " + id + " was answered already");
        }
        return new Survey(id, caseId, complaintId, phoneHash, openedAt, answer, at, true);
    }

    public Survey published() {
        return new Survey(id, caseId, complaintId, phoneHash, openedAt, rating, answeredAt, false);
    }
}
