package cn.luoyang.pollution.notification.survey;

import java.time.Instant;

/**
 * The satisfaction survey (回访) that a CLOSED message opened for one reporter of one case. It is
 * answered at most once; the store writes the answer's event ({@code ReporterFeedbackReceived}) into
 * the survey's outbox with it.
 */
public record Survey(String id, String caseId, String complaintId, String phoneHash, Instant openedAt,
        Rating rating, Instant answeredAt) {

    public static Survey open(String id, String caseId, String complaintId, String phoneHash, Instant at) {
        return new Survey(id, caseId, complaintId, phoneHash, at, null, null);
    }

    public boolean answered() {
        return rating != null;
    }

    public Survey answer(Rating answer, Instant at) {
        if (answered()) {
            throw new IllegalStateException("survey " + id + " was answered already");
        }
        return new Survey(id, caseId, complaintId, phoneHash, openedAt, answer, at);
    }
}
