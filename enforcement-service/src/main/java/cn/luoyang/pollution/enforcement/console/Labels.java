package cn.luoyang.pollution.enforcement.console;

import cn.luoyang.pollution.contracts.catalogue.Catalogue;
import cn.luoyang.pollution.contracts.catalogue.Category;
import cn.luoyang.pollution.contracts.catalogue.Department;
import cn.luoyang.pollution.enforcement.cases.Unit;
import cn.luoyang.pollution.enforcement.console.map.LuoyangMap;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Names and times as people read them, in the page's language: category and department names from
 * the shared catalogue, times in Luoyang's zone. Templates call it as {@code @labels}.
 */
@Component("labels")
public class Labels {

    private static final ZoneId LUOYANG = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(LUOYANG);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(LUOYANG);

    private static final String MISSING = "\u0000";

    private final Catalogue catalogue = Catalogue.defaults();
    private final LuoyangMap map;
    private final MessageSource messages;

    Labels(LuoyangMap map, MessageSource messages) {
        this.map = map;
        this.messages = messages;
    }

    public String category(String code) {
        return catalogue.category(code).map(c -> english() ? c.nameEn() : c.nameZh()).orElse(code);
    }

    public String department(String code) {
        if (code == null) {
            return "";
        }
        return catalogue.department(code).map(d -> english() ? d.nameEn() : d.nameZh()).orElseGet(() -> {
            // offices outside the catalogue of complaint departments (攻坚办, 纪委监委, 网格, the system's parts)
            String named = messages.getMessage("department." + code, null, MISSING, LocaleContextHolder.getLocale());
            return MISSING.equals(named) ? code : named;
        });
    }

    /**
     * A unit with its level, as people name it: {@code HOUSING_CONSTRUCTION@410300} → 洛阳市住房和城乡建设局,
     * {@code HOUSING_CONSTRUCTION@410305} → 涧西区住房和城乡建设局 (English: the department · the district).
     */
    public String unit(String code) {
        if (code == null || code.indexOf('@') < 0) {
            return code == null ? "" : department(code);
        }
        Unit unit = Unit.parse(code);
        String where = Unit.CITY.equals(unit.territory()) ? (english() ? "Luoyang city" : "洛阳市") : map.name(unit.territory());
        return english() ? department(unit.department()) + " · " + where : where + department(unit.department());
    }

    /** A district's name by its code (410305 → 涧西区; 410300 → 洛阳市), the code when unknown. */
    public String district(String code) {
        if (Unit.CITY.equals(code)) {
            return english() ? "Luoyang city" : "洛阳市";
        }
        String name = map.name(code);
        return name == null || name.isBlank() ? code : name;
    }

    public String unit(Unit unit) {
        return unit == null ? "" : unit(unit.code());
    }

    public String time(Instant at) {
        return at == null ? "—" : TIME.format(at);
    }

    public String day(Instant at) {
        return at == null ? "—" : DAY.format(at);
    }

    public Catalogue catalogue() {
        return catalogue;
    }

    public java.util.List<Category> categories() {
        return catalogue.categories();
    }

    public java.util.List<Department> departments() {
        return catalogue.departments();
    }

    private static boolean english() {
        return "en".equals(LocaleContextHolder.getLocale().getLanguage());
    }
}
