package cn.luoyang.pollution.notification.escalations;

import cn.luoyang.pollution.notification.reporters.CaseFile;
import java.util.Optional;

/**
 * A responsible unit (责任单位): a department at a territory, written {@code DEPARTMENT@territory}
 * (e.g. {@code HOUSING_CONSTRUCTION@410305}, or {@code @410300} for the city's own bureau), the
 * code enforcement signs with. {@code territory} is null when it is not known.
 */
public record ResponsibleUnit(String department, String territory) {

    /** The unit a case's clock event is about: the event's department at the territory of the case's lead. */
    public static ResponsibleUnit of(String department, Optional<CaseFile> file) {
        String territory = file.filter(f -> department != null && department.equals(f.leadDepartment()))
                .map(CaseFile::leadTerritory).orElse(null);
        return new ResponsibleUnit(department, territory);
    }

    /** The case's lead unit. */
    public static ResponsibleUnit lead(CaseFile file) {
        return new ResponsibleUnit(file.leadDepartment(), file.leadTerritory());
    }

    /** Reads {@code DEPARTMENT} or {@code DEPARTMENT@territory}. */
    public static ResponsibleUnit parse(String code) {
        int at = code.indexOf('@');
        return at < 0 ? new ResponsibleUnit(code, null) : new ResponsibleUnit(code.substring(0, at), code.substring(at + 1));
    }

    public String code() {
        return territory == null ? department : department + "@" + territory;
    }

    @Override
    public String toString() {
        return code();
    }
}
