package cn.luoyang.pollution.dispatch.jurisdiction;

import java.util.ArrayList;
import java.util.List;

/**
 * The short forms people write in addresses: 涧西 for 涧西区, 瀍河 for 瀍河回族区, 白马寺 for
 * 白马寺镇, 承福门社区 for 承福门社区居民委员会. A short form must keep at least two characters, so
 * that 嵩县 is never shortened to a single, meaningless 嵩.
 */
final class AdministrativeNames {

    private AdministrativeNames() {
    }

    static List<String> shortFormsOfDistrict(String name) {
        List<String> forms = new ArrayList<>();
        if (name.endsWith("开发区")) {
            if (name.contains("高新")) {
                forms.add("高新区");
                forms.add("高新");
            }
            return List.copyOf(forms);
        }
        for (String suffix : List.of("回族区", "区", "县")) {
            if (name.endsWith(suffix)) {
                addIfLongEnough(forms, name.substring(0, name.length() - suffix.length()));
                break;
            }
        }
        return List.copyOf(forms);
    }

    static List<String> shortFormsOfTownship(String name) {
        List<String> forms = new ArrayList<>();
        for (String suffix : List.of("街道办事处", "街道", "镇", "乡")) {
            if (name.endsWith(suffix)) {
                addIfLongEnough(forms, name.substring(0, name.length() - suffix.length()));
                break;
            }
        }
        return List.copyOf(forms);
    }

    static String shortFormOfVillage(String name) {
        if (name.endsWith("村民委员会")) {
            return name.substring(0, name.length() - "民委员会".length());
        }
        if (name.endsWith("村委员会") || name.endsWith("村委会")) {
            return name.substring(0, name.lastIndexOf("村") + 1);
        }
        if (name.endsWith("居民委员会")) {
            return name.substring(0, name.length() - "居民委员会".length());
        }
        return name;
    }

    private static void addIfLongEnough(List<String> forms, String form) {
        if (form.length() >= 2) {
            forms.add(form);
        }
    }
}
