package cn.luoyang.pollution.dispatch.jurisdiction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Finds district, township/street and village names (full and short forms) in Chinese address
 * text, leftmost-longest so that 涧西区 is one name and not 涧西 followed by 区. The most specific
 * level that the other names do not contradict wins: a village narrowed by its township or
 * district, else a township, else a district. Two candidates left at the most specific level, or
 * names that contradict each other (a township of another district), make the address ambiguous.
 */
public final class AddressMatcher {

    private final Map<Character, List<Entry>> byFirstChar = new HashMap<>();
    private final DistrictMap districts;

    public AddressMatcher(DistrictMap districts, Divisions divisions) {
        this.districts = districts;
        Map<String, Entry> entries = new HashMap<>();
        for (District district : districts.all()) {
            add(entries, district.name(), district);
            district.shortNames().forEach(form -> add(entries, form, district));
        }
        for (Township township : divisions.townships()) {
            add(entries, township.name(), township);
            AdministrativeNames.shortFormsOfTownship(township.name()).forEach(form -> add(entries, form, township));
        }
        for (Village village : divisions.villages()) {
            add(entries, village.name(), village);
            add(entries, AdministrativeNames.shortFormOfVillage(village.name()), village);
        }
        for (Entry entry : entries.values()) {
            byFirstChar.computeIfAbsent(entry.form.charAt(0), k -> new ArrayList<>()).add(entry);
        }
        byFirstChar.values().forEach(list -> list.sort(Comparator.comparingInt((Entry e) -> e.form.length()).reversed()));
    }

    public AddressMatch match(String text) {
        if (text == null || text.isBlank()) {
            return new AddressMatch.Unmatched();
        }
        Set<District> namedDistricts = new LinkedHashSet<>();
        Set<Township> namedTownships = new LinkedHashSet<>();
        Set<Village> namedVillages = new LinkedHashSet<>();
        List<String> found = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            Entry entry = longestAt(text, i);
            if (entry == null) {
                i++;
                continue;
            }
            found.add(entry.form);
            for (Object place : entry.places) {
                if (place instanceof District d) {
                    namedDistricts.add(d);
                } else if (place instanceof Township t) {
                    namedTownships.add(t);
                } else if (place instanceof Village v) {
                    namedVillages.add(v);
                }
            }
            i += entry.form.length();
        }
        return resolve(namedDistricts, namedTownships, namedVillages, found);
    }

    private AddressMatch resolve(Set<District> named, Set<Township> townships, Set<Village> villages, List<String> found) {
        Set<String> districtCodes = new LinkedHashSet<>();
        named.forEach(d -> districtCodes.add(d.code()));
        Set<String> townshipCodes = new LinkedHashSet<>();
        townships.forEach(t -> townshipCodes.add(t.code()));

        List<Township> fittingTownships = narrow(townships, t -> districtCodes.isEmpty() || districtCodes.contains(t.districtCode()));
        List<Village> fittingVillages = narrow(villages, v -> (districtCodes.isEmpty() || districtCodes.contains(v.districtCode()))
                && (townshipCodes.isEmpty() || townshipCodes.contains(v.townshipCode())));

        if (!villages.isEmpty() && fittingVillages.isEmpty() || !townships.isEmpty() && fittingTownships.isEmpty()) {
            List<String> candidates = new ArrayList<>();
            named.forEach(d -> candidates.add(d.code() + " " + d.name()));
            townships.forEach(t -> candidates.add(t.code() + " " + t.name()));
            villages.forEach(v -> candidates.add(v.code() + " " + v.name()));
            return new AddressMatch.Ambiguous(candidates, "names in the address contradict each other: " + found);
        }
        if (fittingVillages.size() == 1) {
            Village village = fittingVillages.get(0);
            Township township = townships.stream().filter(t -> t.code().equals(village.townshipCode())).findFirst()
                    .orElse(null);
            return new AddressMatch.Matched(district(village.districtCode()), township, village, found);
        }
        if (fittingTownships.size() == 1) {
            Township township = fittingTownships.get(0);
            return new AddressMatch.Matched(district(township.districtCode()), township, null, found);
        }
        if (fittingTownships.size() > 1) {
            return new AddressMatch.Ambiguous(fittingTownships.stream().map(t -> t.code() + " " + t.name() + " ("
                    + district(t.districtCode()).name() + ")").toList(), "several townships/streets fit: " + found);
        }
        if (fittingVillages.size() > 1) {
            return new AddressMatch.Ambiguous(fittingVillages.stream().map(v -> v.code() + " " + v.name() + " ("
                    + district(v.districtCode()).name() + ")").toList(), "several villages/communities fit: " + found);
        }
        if (named.size() == 1) {
            return new AddressMatch.Matched(named.iterator().next(), null, null, found);
        }
        if (named.size() > 1) {
            return new AddressMatch.Ambiguous(named.stream().map(d -> d.code() + " " + d.name()).toList(),
                    "several districts named: " + found);
        }
        return new AddressMatch.Unmatched();
    }

    private static <T> List<T> narrow(Set<T> places, Predicate<T> fits) {
        return places.stream().filter(fits).toList();
    }

    private District district(String code) {
        return districts.byCode(code).orElseThrow(() -> new IllegalStateException("no district " + code));
    }

    private Entry longestAt(String text, int at) {
        List<Entry> candidates = byFirstChar.get(text.charAt(at));
        if (candidates == null) {
            return null;
        }
        for (Entry entry : candidates) {
            if (text.startsWith(entry.form, at)) {
                return entry;
            }
        }
        return null;
    }

    private static void add(Map<String, Entry> entries, String form, Object place) {
        if (form != null && form.length() >= 2) {
            entries.computeIfAbsent(form, Entry::new).places.add(place);
        }
    }

    /** One written form and every place it may name (城关镇 names a township in several counties). */
    private static final class Entry {
        final String form;
        final List<Object> places = new ArrayList<>(1);

        Entry(String form) {
            this.form = form;
        }
    }
}
