package cn.luoyang.pollution.notification.templates;

import cn.luoyang.pollution.notification.messages.Milestone;
import java.util.EnumMap;
import java.util.Map;

/**
 * The wording the city starts from. Carriers require templates to be registered and approved
 * (模板报备), so every text is a fixed frame with named slots; no links.
 */
final class DefaultTemplates {

    static final String ZH_SIGNATURE = "【洛阳生态环境】";
    static final String EN_SIGNATURE = "[Luoyang Eco-Environment]";

    static Map<Milestone, String> chinese() {
        Map<Milestone, String> t = new EnumMap<>(Milestone.class);
        t.put(Milestone.REGISTERED, "您反映的环境问题已受理，受理编号{trackingNumber}，可凭此编号查询办理进度。");
        t.put(Milestone.DISPATCHED, "您反映的问题（{trackingNumber}）已交{department}办理。");
        t.put(Milestone.ACCEPTED, "您反映的问题（{trackingNumber}）已由{department}签收，正在办理。");
        t.put(Milestone.EXTENDED, "您反映的问题（{trackingNumber}）办理期限延长至{deadline}，原因：{reason}。");
        t.put(Milestone.CLOSED, "您反映的问题（{trackingNumber}）已办结。答复：{reply} 请回复数字评价：1满意，2基本满意，3不满意。回复TD退订。");
        t.put(Milestone.REOPENED, "您反映的问题（{trackingNumber}）已重新办理，原因：{reason}，办理期限{deadline}。");
        t.put(Milestone.REMINDER, "{name}您好：案件{trackingNumber}的{clock}将于{deadline}到期，请督促办理。");
        t.put(Milestone.OVERDUE, "{name}您好：案件{trackingNumber}的{clock}已于{deadline}超期，请督促办理。");
        t.put(Milestone.ESCALATED, "{name}您好：案件{trackingNumber}的{clock}超期未办，已升级督办至您处，请督促办理。");
        t.put(Milestone.DIGEST, "{name}您好：截至{day}，{unit}有超期未办结案件{count}件，最早的是{trackingNumbers}，请督促办理。");
        t.put(Milestone.REWARD_OPENED, "您反映的问题（{trackingNumber}）经查属实，可申领举报奖励（最高{maxYuan}元）。领奖码{claimCode}，请凭受理编号和领奖码申领，勿告知他人。");
        t.put(Milestone.REWARD_APPROVED, "您的举报奖励（{trackingNumber}）已批准，金额{amountYuan}元，将尽快发放。");
        t.put(Milestone.REWARD_REFUSED, "您的举报奖励申领（{trackingNumber}）未获批准，原因：{reason}。");
        t.put(Milestone.REWARD_PAID, "您的举报奖励（{trackingNumber}）{amountYuan}元已发放。感谢您对生态环境保护的支持。");
        t.put(Milestone.SITE_ALERT, "{name}您好：{site}的在线监测设备{mn}{fault}，已立案（{trackingNumber}）交{unit}办理，请立即核查整改。");
        return t;
    }

    static Map<Milestone, String> english() {
        Map<Milestone, String> t = new EnumMap<>(Milestone.class);
        t.put(Milestone.REGISTERED, "Your report was registered as {trackingNumber}; use it to follow its progress.");
        t.put(Milestone.DISPATCHED, "Your report {trackingNumber} was assigned to the {department}.");
        t.put(Milestone.ACCEPTED, "Your report {trackingNumber} was accepted by the {department} and is being handled.");
        t.put(Milestone.EXTENDED, "Handling of your report {trackingNumber} was extended to {deadline}. Reason: {reason}.");
        t.put(Milestone.CLOSED, "Your report {trackingNumber} was closed. Reply: {reply} Please rate it: 1 satisfied, 2 basically satisfied, 3 unsatisfied. Reply TD to stop.");
        t.put(Milestone.REOPENED, "Your report {trackingNumber} was reopened. Reason: {reason}. New deadline {deadline}.");
        t.put(Milestone.REMINDER, "{name}: the {clock} of case {trackingNumber} ends at {deadline}; please follow it up.");
        t.put(Milestone.OVERDUE, "{name}: the {clock} of case {trackingNumber} passed at {deadline}; please follow it up.");
        t.put(Milestone.ESCALATED, "{name}: the {clock} of case {trackingNumber} is overdue and escalated to you; please follow it up.");
        t.put(Milestone.DIGEST, "{name}: on {day} {unit} has {count} overdue open case(s), the oldest {trackingNumbers}; please follow them up.");
        t.put(Milestone.REWARD_OPENED, "Your report {trackingNumber} was substantiated; you may claim a reward (up to {maxYuan} yuan). Claim code {claimCode}: give it with your tracking number, and to nobody else.");
        t.put(Milestone.REWARD_APPROVED, "Your reward for {trackingNumber} was approved: {amountYuan} yuan, to be paid soon.");
        t.put(Milestone.REWARD_REFUSED, "Your reward claim for {trackingNumber} was refused. Reason: {reason}.");
        t.put(Milestone.REWARD_PAID, "Your reward of {amountYuan} yuan for {trackingNumber} was paid. Thank you.");
        t.put(Milestone.SITE_ALERT, "{name}: online monitor {mn} at {site} {fault}; case {trackingNumber} went to the {unit}. Please check and rectify at once.");
        return t;
    }

    private DefaultTemplates() {
    }
}
