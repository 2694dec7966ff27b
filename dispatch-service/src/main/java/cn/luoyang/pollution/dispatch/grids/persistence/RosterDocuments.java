package cn.luoyang.pollution.dispatch.grids.persistence;

import static cn.luoyang.pollution.kit.persistence.Fields.compact;
import static cn.luoyang.pollution.kit.persistence.Fields.date;
import static cn.luoyang.pollution.kit.persistence.Fields.embedAll;
import static cn.luoyang.pollution.kit.persistence.Fields.embeddedAll;
import static cn.luoyang.pollution.kit.persistence.Fields.instant;
import static cn.luoyang.pollution.kit.persistence.Fields.intOf;

import cn.luoyang.pollution.dispatch.dispatching.persistence.DispatchEventDocuments;
import cn.luoyang.pollution.dispatch.grids.Roster;
import org.bson.Document;

/**
 * A roster version as a document of {@code grid_rosters}, {@code {_id: version, roster: {version,
 * teams, changedBy, note, savedAt}}}; a team has the shape a dispatched event carries it in.
 */
final class RosterDocuments {

    private RosterDocuments() {
    }

    static Document document(Roster r) {
        return new Document("_id", r.version()).append("roster", compact(new Document("version", r.version())
                .append("teams", embedAll(r.teams(), DispatchEventDocuments::gridTeam)).append("changedBy", r.changedBy())
                .append("note", r.note()).append("savedAt", date(r.savedAt()))));
    }

    static Roster roster(Document stored) {
        Document r = stored.get("roster", Document.class);
        return new Roster(intOf(r, "version"), embeddedAll(r, "teams", DispatchEventDocuments::gridTeam), r.getString("changedBy"),
                r.getString("note"), instant(r, "savedAt"));
    }
}
