package cn.luoyang.pollution.dispatch.jurisdiction;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The administrative names below the districts: townships/streets and villages/communities. */
public final class Divisions {

    private final Map<String, Township> townships = new LinkedHashMap<>();
    private final Map<String, List<Township>> townshipsByDistrict = new LinkedHashMap<>();
    private final List<Village> villages;

    public Divisions(List<Township> townships, List<Village> villages) {
        for (Township township : townships) {
            this.townships.put(township.code(), township);
            townshipsByDistrict.computeIfAbsent(township.districtCode(), k -> new ArrayList<>()).add(township);
        }
        this.villages = List.copyOf(villages);
    }

    public Optional<Township> township(String code) {
        return Optional.ofNullable(code == null ? null : townships.get(code));
    }

    public List<Township> townshipsOf(String districtCode) {
        return Collections.unmodifiableList(townshipsByDistrict.getOrDefault(districtCode, List.of()));
    }

    public List<Township> townships() {
        return List.copyOf(townships.values());
    }

    public List<Village> villages() {
        return villages;
    }
}
