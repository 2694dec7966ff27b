package cn.luoyang.pollution.enforcement.cases;

import java.time.Instant;

/**
 * 延期: asked by the lead unit ({@link ExtensionRequest}), decided by a supervisor ({@link Decision}, null
 * while it waits). An approval moves the close deadline to {@code newDeadline}; null otherwise.
 */
public record Extension(ExtensionRequest request, Decision decision, Instant newDeadline) {

    static Extension asked(ExtensionRequest request) {
        return new Extension(request, null, null);
    }

    public boolean pending() {
        return decision == null;
    }

    public boolean approved() {
        return decision != null && decision.approved();
    }

    Extension refused(Decision refusal) {
        return new Extension(request, refusal, null);
    }

    Extension approved(Decision approval, Instant deadline) {
        return new Extension(request, approval, deadline);
    }
}
