package cn.luoyang.pollution.notification.digest;

import cn.luoyang.pollution.contracts.dispatch.CaseDispatched;
import cn.luoyang.pollution.notification.escalations.Directory;
import cn.luoyang.pollution.notification.escalations.Person;
import cn.luoyang.pollution.notification.escalations.ResponsibleUnit;
import cn.luoyang.pollution.notification.escalations.Role;
import cn.luoyang.pollution.notification.messages.MessageKey;
import cn.luoyang.pollution.notification.messages.Messages;
import cn.luoyang.pollution.notification.messages.Milestone;
import cn.luoyang.pollution.notification.messages.SmsMessage;
import cn.luoyang.pollution.notification.templates.MessageTemplates;
import cn.luoyang.pollution.notification.units.UnitAlerts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * 每日超期汇总: once a day at a local time, each unit with overdue open cases hears how many and which
 * are oldest: one SMS per UNIT_LEADER of the unit (the same directory rule as the clock events) and one
 * post to the unit's webhook with the whole list. Exactly once per (unit, day, person): each SMS is
 * an ordinary message of the one sender keyed {@code (unit, DIGEST, person:<id>, day)}, and the post is
 * keyed {@code DIGEST/<unit>/<day>}; the day itself is claimed through {@link DigestRuns}.
 */
public final class DailyDigest {

    /** How long an instance holds the day it runs: far longer than a run takes. */
    static final Duration LEASE = Duration.ofMinutes(10);

    private final OverdueCases cases;
    private final Directory directory;
    private final Messages messages;
    private final UnitAlerts units;
    private final DigestRuns runs;
    private final MessageTemplates templates;
    private final Function<String, String> departmentName;
    private final Settings settings;
    private final Clock clock;
    private final Runnable wakeSender;

    /** When the digest goes ({@code at} in {@code zone}) and how many tracking numbers the SMS names. */
    public record Settings(LocalTime at, ZoneId zone, int oldest) {
    }

    public DailyDigest(OverdueCases cases, Directory directory, Messages messages, UnitAlerts units, DigestRuns runs,
            MessageTemplates templates, Function<String, String> departmentName, Settings settings, Clock clock,
            Runnable wakeSender) {
        this.cases = cases;
        this.directory = directory;
        this.messages = messages;
        this.units = units;
        this.runs = runs;
        this.templates = templates;
        this.departmentName = departmentName;
        this.settings = settings;
        this.clock = clock;
        this.wakeSender = wakeSender;
    }

    /**
     * Sends the due day's digest if this instance wins its claim; returns the day sent. The first run
     * of a new installation is the next slot after now; a run missed while the service was down goes
     * as soon as it is back (late rather than never), dated today, then the schedule moves to the next slot.
     */
    public Optional<LocalDate> runIfDue() {
        Instant now = clock.instant();
        ZonedDateTime first = nextSlot(now);
        runs.start(first.toLocalDate(), first.toInstant());
        Optional<LocalDate> claimed = runs.claim(now, now.plus(LEASE));
        if (claimed.isEmpty()) {
            return claimed;
        }
        // a day missed while every instance was down goes now, as today's: its list is today's anyway
        LocalDate today = now.atZone(settings.zone()).toLocalDate();
        LocalDate day = claimed.get().isBefore(today) ? today : claimed.get();
        send(day);
        Instant slot = claimed.get().atTime(settings.at()).atZone(settings.zone()).toInstant();
        ZonedDateTime next = nextSlot(clock.instant().isAfter(slot) ? clock.instant() : slot);
        runs.done(claimed.get(), next.toLocalDate(), next.toInstant());
        return Optional.of(day);
    }

    /** The first digest time strictly after {@code after}. */
    ZonedDateTime nextSlot(Instant after) {
        ZonedDateTime local = after.atZone(settings.zone());
        ZonedDateTime slot = local.toLocalDate().atTime(settings.at()).atZone(settings.zone());
        return slot.toInstant().isAfter(after) ? slot : local.toLocalDate().plusDays(1).atTime(settings.at())
                .atZone(settings.zone());
    }

    /** The digest of {@code day} for every unit with overdue open cases; returns the SMS queued. */
    public int send(LocalDate day) {
        Map<String, List<OverdueCase>> byUnit = cases.all().stream().collect(Collectors.groupingBy(OverdueCase::unit,
                TreeMap::new, Collectors.toList()));
        int queued = 0;
        for (Map.Entry<String, List<OverdueCase>> unit : byUnit.entrySet()) {
            List<OverdueCase> list = unit.getValue().stream().sorted(OverdueCase.OLDEST_FIRST).toList();
            units.digest(unit.getKey(), day, list.stream().map(c -> new UnitAlerts.DigestLine(c.caseId(),
                    c.trackingNumber(), c.oldest().getKey(), c.oldest().getValue())).toList());
            ResponsibleUnit responsible = ResponsibleUnit.parse(unit.getKey());
            String oldest = list.stream().limit(settings.oldest()).map(OverdueCase::trackingNumber)
                    .collect(Collectors.joining("、"));
            for (Person person : directory.holdingFor(Role.UNIT_LEADER, responsible)) {
                String text = templates.render(Milestone.DIGEST, Map.of("name", person.name(),
                        "unit", unitName(responsible), "count", Integer.toString(list.size()),
                        "trackingNumbers", oldest + (list.size() > settings.oldest() ? "等" : ""),
                        "day", day.toString()));
                MessageKey key = new MessageKey(unit.getKey(), Milestone.DIGEST, person.recipientId(), day.toString());
                if (messages.add(SmsMessage.queue(key, null, text, false, clock.instant()))) {
                    queued++;
                }
            }
        }
        if (queued > 0) {
            wakeSender.run();
        }
        return queued;
    }

    private String unitName(ResponsibleUnit unit) {
        String name = departmentName.apply(unit.department());
        if (unit.territory() == null) {
            return name;
        }
        return name + (CaseDispatched.CITY_TERRITORY.equals(unit.territory()) ? "（市级）" : "（" + unit.territory() + "）");
    }
}
