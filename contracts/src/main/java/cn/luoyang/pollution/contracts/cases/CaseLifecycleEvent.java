package cn.luoyang.pollution.contracts.cases;

/**
 * The facts enforcement-service publishes about a case on {@code cases.lifecycle}, one record per fact
 * (a verb of the case, or a clock's timer), each under its own logical type. Sealed, so a consumer that
 * switches over the family is told by the compiler when a fact is added. The reward claims' events share
 * the topic but are not case handling; the retired {@link CaseProgressed} is read and
 * {@linkplain CaseProgressed#upgrade() upgraded} to these facts.
 */
public sealed interface CaseLifecycleEvent extends CaseEvent permits
        CaseAccepted, CaseReturned, CaseInspected, CaseFoundUnfounded, RectificationOrdered, CaseRectified,
        RectificationCheckDue, RectificationChecked, CaseVerified, CasePenalized, ClosureRequested, ClosureRejected,
        CaseClosed, ContributionRecorded, ExtensionRequested, CaseExtended, ExtensionRefused, CaseListedForSupervision,
        CaseUrged, CaseReopened, CaseDrawnForReinspection, ReinspectionConfirmed, DeadlineApproaching, CaseOverdue,
        CaseEscalated {
}
