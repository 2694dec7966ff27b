package cn.luoyang.pollution.notification.sites;

import cn.luoyang.pollution.contracts.catalogue.Catalogue;
import cn.luoyang.pollution.contracts.catalogue.Department;
import cn.luoyang.pollution.contracts.dispatch.CaseDispatched;
import cn.luoyang.pollution.contracts.dispatch.Level;
import cn.luoyang.pollution.contracts.dispatch.SiteContact;
import cn.luoyang.pollution.contracts.monitoring.FaultKind;
import cn.luoyang.pollution.kit.contact.PhoneKind;
import cn.luoyang.pollution.notification.messages.MessageKey;
import cn.luoyang.pollution.notification.messages.Messages;
import cn.luoyang.pollution.notification.messages.Milestone;
import cn.luoyang.pollution.notification.messages.SmsMessage;
import cn.luoyang.pollution.notification.reporters.ReporterContact;
import cn.luoyang.pollution.notification.reporters.ReporterContacts;
import cn.luoyang.pollution.notification.templates.Language;
import cn.luoyang.pollution.notification.templates.MessageTemplates;
import java.time.Clock;
import java.util.Map;

/**
 * 在线监测告知: a case opened by an online monitor has no reporter, but its site's responsible person (责任人) is
 * told, once per case, which monitor found what (超标 / 离线) and which unit the case went to. Dispatch names the
 * person on the {@code CaseDispatched} that opens the case, with the mobile sealed for this service; it is kept
 * sealed under the recipient id {@code site:<caseId>} (opened only at the moment of sending, like a reporter's) and
 * the message is keyed (case, SITE_ALERT, {@code site:<caseId>}), so a redelivery, a re-routing or a second instance
 * queues nothing new. The one sender sends it, with the reporters' caps and outcome handling; it is urgent (sent in
 * the night window too), since the dust or the noise is going on now and a night-work site is the likeliest to make it.
 */
public final class SiteAlerts {

    /** The recipient id of a site's responsible person, where a reporter's message has a complaint id. */
    public static final String RECIPIENT_PREFIX = "site:";

    /** The HJ 212 factors the monitors report, as a person reads them. */
    private static final Map<String, String> FACTORS = Map.of("a34001", "TSP", "a34002", "PM10", "a34004", "PM2.5",
            "LA", "噪声");

    private final Messages messages;
    private final ReporterContacts contacts;
    private final MessageTemplates templates;
    private final Catalogue catalogue;
    private final Clock clock;
    private final Runnable wakeSender;

    public SiteAlerts(Messages messages, ReporterContacts contacts, MessageTemplates templates, Catalogue catalogue,
            Clock clock, Runnable wakeSender) {
        this.messages = messages;
        this.contacts = contacts;
        this.templates = templates;
        this.catalogue = catalogue;
        this.clock = clock;
        this.wakeSender = wakeSender;
    }

    public static boolean isSiteRecipient(String recipientId) {
        return recipientId != null && recipientId.startsWith(RECIPIENT_PREFIX);
    }

    /** @return whether a message was queued (false: no site to tell, or already queued for this case) */
    public boolean dispatched(CaseDispatched event) {
        SiteContact site = event.siteContact();
        if (site == null || site.sealedMobile() == null || site.sealedMobile().isBlank()) {
            return false;
        }
        String recipient = RECIPIENT_PREFIX + event.caseId();
        contacts.keep(new ReporterContact(recipient, event.trackingNumber(), false, site.sealedMobile(), site.maskedMobile(),
                PhoneKind.MOBILE));
        String text = templates.render(Milestone.SITE_ALERT, Map.of(
                "name", text(site.person()), "site", text(site.siteName()), "mn", text(site.mn()),
                "fault", fault(site), "trackingNumber", text(event.trackingNumber()), "unit", unit(event)));
        boolean queued = messages.add(SmsMessage.queue(MessageKey.of(event.caseId(), Milestone.SITE_ALERT, recipient),
                event.caseId(), text, true, clock.instant()));
        if (queued) {
            wakeSender.run();
        }
        return queued;
    }

    private String fault(SiteContact site) {
        boolean english = templates.language() == Language.EN;
        if (site.faultKind() == FaultKind.OFFLINE) {
            return english ? "went offline" : "离线";
        }
        String factor = site.factor() == null ? "" : FACTORS.getOrDefault(site.factor(), site.factor());
        return english ? "measured " + factor + " over the limit" : "监测" + factor + "超标";
    }

    /** The unit with its level, as the public page names it: 洛阳市住房和城乡建设局, 偃师区人民政府. */
    private String unit(CaseDispatched event) {
        Department department = catalogue.department(event.leadDepartment()).orElse(null);
        if (department == null) {
            return text(event.leadDepartment());
        }
        if (templates.language() == Language.EN) {
            return department.nameEn();
        }
        boolean city = event.level() == Level.CITY || event.territory() == null
                || event.territory().districtName() == null;
        String seat = city ? "洛阳市" : event.territory().districtName();
        return "DISTRICT_GOVERNMENT".equals(department.code()) ? seat + "人民政府" : seat + department.nameZh();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
