package cn.luoyang.pollution.enforcement.cases;

import cn.luoyang.pollution.contracts.Actor;
import cn.luoyang.pollution.enforcement.clocks.ClockRules;
import cn.luoyang.pollution.enforcement.clocks.RunningClock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A case's extensions (延期): at most one request waits at a time; a supervisor's approval moves the
 * close deadline by the asked days, never beyond the 12369 bound (opened + 60 days + 30 days). Works on
 * the case's list of {@link Extension}s, which the case keeps and the store saves.
 */
final class Extensions {

    private final List<Extension> requests;

    Extensions(List<Extension> requests) {
        this.requests = requests;
    }

    Optional<Extension> pending() {
        return requests.stream().filter(Extension::pending).findFirst();
    }

    /** 申请延期: a positive number of days and a reason, while no other request waits. */
    void request(Actor by, Instant at, int days, String reason) {
        if (days <= 0 || reason == null || reason.isBlank()) {
            throw new CaseRuleViolation("an extension needs a positive number of days and a reason");
        }
        if (pending().isPresent()) {
            throw new CaseRuleViolation("an extension request is already waiting for a decision");
        }
        requests.add(Extension.asked(new ExtensionRequest(days, reason, by, at)));
    }

    /** The waiting request, refused. */
    Extension refuse(Actor by, Instant at) {
        Extension request = waiting();
        requests.set(requests.indexOf(request), request.refused(new Decision(false, by, at, null)));
        return request;
    }

    /**
     * The waiting request, approved: the new close deadline ({@code close}'s plus the asked days, capped at
     * the bound). Refused as a rule violation when the close deadline already reached the bound.
     */
    Extension approve(Actor by, Instant at, RunningClock close, Instant openedAt, ClockRules rules) {
        Extension request = waiting();
        Instant bound = rules.extensionBound(openedAt);
        if (!close.deadline().isBefore(bound)) {
            throw new CaseRuleViolation("the case already has the longest extension the 12369 rules allow");
        }
        Instant wanted = close.deadline().atZone(rules.zone()).plusDays(request.request().days()).toInstant();
        Extension approved = request.approved(new Decision(true, by, at, null), wanted.isAfter(bound) ? bound : wanted);
        requests.set(requests.indexOf(request), approved);
        return approved;
    }

    private Extension waiting() {
        return pending().orElseThrow(() -> new CaseRuleViolation("no extension request is waiting"));
    }
}
