package cn.luoyang.pollution.dispatch.registry.persistence;

import static cn.luoyang.pollution.kit.persistence.Fields.compact;
import static cn.luoyang.pollution.kit.persistence.Fields.date;
import static cn.luoyang.pollution.kit.persistence.Fields.doubleOf;
import static cn.luoyang.pollution.kit.persistence.Fields.enumOf;
import static cn.luoyang.pollution.kit.persistence.Fields.instant;
import static cn.luoyang.pollution.kit.persistence.Fields.name;
import static cn.luoyang.pollution.kit.persistence.Fields.strings;

import cn.luoyang.pollution.dispatch.registry.PollutionSource;
import cn.luoyang.pollution.dispatch.registry.ResponsibleMobile;
import cn.luoyang.pollution.dispatch.registry.SourceType;
import org.bson.Document;

/**
 * A registered source as a document of {@code sources} and back, field by field ({@code _id} = source id;
 * {@code responsibleMobile} = {@code {sealed, masked}}, absent when the registry has no number).
 */
final class SourceDocuments {

    private SourceDocuments() {
    }

    static Document document(PollutionSource s) {
        return compact(new Document("_id", s.id()).append("type", name(s.type())).append("name", s.name())
                .append("longitude", s.longitude()).append("latitude", s.latitude()).append("districtCode", s.districtCode())
                .append("address", s.address()).append("responsibleUnit", s.responsibleUnit())
                .append("responsibleLeader", s.responsibleLeader()).append("responsiblePerson", s.responsiblePerson())
                .append("investmentWanYuan", s.investmentWanYuan()).append("ownerSystem", s.ownerSystem())
                .append("waterBody", s.waterBody()).append("registeredAt", date(s.registeredAt())).append("monitors", s.monitors())
                .append("responsibleMobile", s.responsibleMobile() == null ? null
                        : new Document("sealed", s.responsibleMobile().sealed()).append("masked", s.responsibleMobile().masked())));
    }

    static PollutionSource source(Document d) {
        Number investment = d.get("investmentWanYuan", Number.class);
        return new PollutionSource(d.getString("_id"), enumOf(SourceType.class, d, "type"), d.getString("name"),
                doubleOf(d, "longitude"), doubleOf(d, "latitude"), d.getString("districtCode"), d.getString("address"),
                d.getString("responsibleUnit"), d.getString("responsibleLeader"), d.getString("responsiblePerson"),
                investment == null ? null : investment.longValue(), d.getString("ownerSystem"), d.getString("waterBody"),
                instant(d, "registeredAt"), strings(d, "monitors"), mobile(d.get("responsibleMobile", Document.class)));
    }

    private static ResponsibleMobile mobile(Document d) {
        return d == null ? null : new ResponsibleMobile(d.getString("sealed"), d.getString("masked"));
    }
}
