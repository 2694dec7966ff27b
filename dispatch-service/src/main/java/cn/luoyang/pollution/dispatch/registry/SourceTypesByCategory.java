package cn.luoyang.pollution.dispatch.registry;

import static cn.luoyang.pollution.dispatch.registry.SourceType.*;

import java.util.Map;
import java.util.Set;

/**
 * Which kinds of registered source a complaint of each category may be about: dust is linked to
 * a construction site, never to the restaurant next door. Categories absent here (muck trucks,
 * straw burning, barbecue stalls...) are about things that move or are not registered.
 */
public final class SourceTypesByCategory {

    private static final Map<String, Set<SourceType>> TYPES = Map.ofEntries(
            Map.entry("AIR_CONSTRUCTION_DUST", Set.of(CONSTRUCTION_SITE)),
            Map.entry("NOISE_NIGHT_CONSTRUCTION", Set.of(CONSTRUCTION_SITE)),
            Map.entry("AIR_ROAD_DUST", Set.of(HIGHWAY_SECTION)),
            Map.entry("AIR_COAL_BOILER", Set.of(BOILER)),
            Map.entry("AIR_LOOSE_COAL", Set.of(BOILER)),
            Map.entry("AIR_CATERING_FUMES", Set.of(RESTAURANT)),
            Map.entry("AIR_VOC", Set.of(ENTERPRISE, SMALL_WORKSHOP)),
            Map.entry("AIR_INDUSTRIAL_GAS", Set.of(ENTERPRISE)),
            Map.entry("AIR_ODOUR", Set.of(ENTERPRISE, LIVESTOCK_FARM)),
            Map.entry("AIR_SMALL_POLLUTING_WORKSHOP", Set.of(SMALL_WORKSHOP)),
            Map.entry("AIR_SCRAP_YARD", Set.of(SCRAP_YARD)),
            Map.entry("NOISE_INDUSTRIAL", Set.of(ENTERPRISE, SMALL_WORKSHOP)),
            Map.entry("SOIL_HAZARDOUS_WASTE", Set.of(ENTERPRISE)),
            Map.entry("WATER_SEWAGE_OUTLET", Set.of(SEWAGE_OUTLET)),
            Map.entry("WATER_LIVESTOCK", Set.of(LIVESTOCK_FARM)),
            Map.entry("WATER_SAND_MINING", Set.of(SAND_PIT)),
            Map.entry("SOIL_TAILINGS_POND", Set.of(TAILINGS_POND)));

    private SourceTypesByCategory() {
    }

    public static Set<SourceType> of(String category) {
        return TYPES.getOrDefault(category, Set.of());
    }
}
