package cn.luoyang.pollution.complaint.tracking.web;

import cn.luoyang.pollution.complaint.tracking.PublicStatus;
import cn.luoyang.pollution.complaint.tracking.StatusChange;
import cn.luoyang.pollution.complaint.tracking.Tracked;
import cn.luoyang.pollution.contracts.catalogue.Catalogue;
import cn.luoyang.pollution.contracts.catalogue.Category;
import cn.luoyang.pollution.contracts.catalogue.Department;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * What the public may see of a complaint: progress, the case it is handled in, the department in
 * charge named with its level (市/区) and the reply. Nothing about the reporter, and not the description (it may name people).
 *
 * @param caseId the case (案件) the report is handled in once dispatched: its own, or the open case of
 *               the same incident it was merged into (then named after that case's first report)
 */
public record StatusView(String trackingNumber, String caseId, String category, String categoryZh, String categoryEn, Instant receivedAt,
                         String status, String statusZh, String statusEn, Instant statusSince,
                         String department, String departmentZh, String departmentEn, String reply, List<Step> history) {

    /** @param beijingTime {@code at} in Beijing time, as the page shows it */
    public record Step(String status, String statusZh, String statusEn, Instant at, String beijingTime,
                       String departmentZh, String departmentEn) {
    }

    private static final DateTimeFormatter BEIJING = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    public static StatusView of(Tracked t, Catalogue catalogue) {
        var p = t.progress();
        Category category = catalogue.category(t.category()).orElse(null);
        Department department = catalogue.department(p.department()).orElse(null);
        List<Step> steps = p.history().stream().map(h -> step(h, catalogue)).toList();
        return new StatusView(t.trackingNumber(), p.caseId(), t.category(), category == null ? null : category.nameZh(),
                category == null ? null : category.nameEn(), t.receivedAt(), p.status().name(), p.status().zh(), p.status().en(),
                p.since(), p.department(), department == null ? null : withSeat(p.seat(), department.nameZh()),
                department == null ? null : department.nameEn(), p.reply(), steps);
    }

    private static Step step(StatusChange h, Catalogue catalogue) {
        Department d = catalogue.department(h.department()).orElse(null);
        PublicStatus s = h.status();
        return new Step(s.name(), s.zh(), s.en(), h.occurredAt(), BEIJING.format(h.occurredAt()),
                d == null ? null : withSeat(h.seat(), d.nameZh()), d == null ? null : d.nameEn());
    }

    /** The department named with its level: 洛阳市住房和城乡建设局, 涧西区住房和城乡建设局 (as the console names units). */
    private static String withSeat(String seat, String nameZh) {
        return seat == null ? nameZh : seat + nameZh;
    }
}
