package cn.luoyang.pollution.dispatch.registry;

import cn.luoyang.pollution.dispatch.geo.LonLat;
import java.time.Instant;

/**
 * A registered pollution source (台账 entry) with the three people and units who answer for it:
 * 责任单位 (unit), 责任领导 (leader), 责任人 (person). Position in GCJ-02.
 *
 * @param investmentWanYuan construction investment in 万元 (10,000 yuan), for construction sites
 * @param ownerSystem       the department code of the industry system that owns it (管行业必须管环保), if any
 * @param districtCode      the district its position lies in, found at registration
 */
public record PollutionSource(
        String id,
        SourceType type,
        String name,
        double longitude,
        double latitude,
        String districtCode,
        String address,
        String responsibleUnit,
        String responsibleLeader,
        String responsiblePerson,
        Long investmentWanYuan,
        String ownerSystem,
        String waterBody,
        Instant registeredAt) {

    public LonLat position() {
        return new LonLat(longitude, latitude);
    }

    public boolean hasOwnerSystem() {
        return ownerSystem != null && !ownerSystem.isBlank();
    }
}
