package cn.luoyang.pollution.complaint.tracking;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a reporter is told about their complaint (办理进度), in Chinese and English. Each status knows
 * which may follow it; a case event that would make another move is kept in the history but does
 * not change what the public sees.
 */
public enum PublicStatus {
    RECEIVED("已受理", "Received"),
    DISPATCHED("已派单", "Dispatched to a department"),
    MERGED("已并案", "Merged into an existing case"),
    AWAITING_MANUAL_DISPATCH("待人工派单", "Waiting for manual dispatch by the campaign office"),
    ACCEPTED("办理中", "Accepted by the department"),
    CLOSED("已办结", "Closed with a reply"),
    REOPENED("重新办理", "Reopened");

    private final String zh;
    private final String en;

    PublicStatus(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public Set<PublicStatus> next() {
        return switch (this) {
            case RECEIVED -> EnumSet.of(DISPATCHED, MERGED, AWAITING_MANUAL_DISPATCH);
            // a returned case is re-routed (DISPATCHED again) or, after repeated returns, queued by hand
            case DISPATCHED -> EnumSet.of(DISPATCHED, ACCEPTED, AWAITING_MANUAL_DISPATCH, CLOSED);
            case MERGED -> EnumSet.of(DISPATCHED, ACCEPTED, AWAITING_MANUAL_DISPATCH, CLOSED);
            case AWAITING_MANUAL_DISPATCH -> EnumSet.of(DISPATCHED, MERGED);
            case ACCEPTED -> EnumSet.of(DISPATCHED, CLOSED);
            case CLOSED -> EnumSet.of(REOPENED);
            case REOPENED -> EnumSet.of(DISPATCHED, ACCEPTED, CLOSED);
        };
    }

    public boolean canMoveTo(PublicStatus target) {
        return next().contains(target);
    }

    /** Open311's two-valued status. */
    public boolean isOpen() {
        return this != CLOSED;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }
}
