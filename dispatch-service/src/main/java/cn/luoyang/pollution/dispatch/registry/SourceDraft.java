package cn.luoyang.pollution.dispatch.registry;

import java.util.List;

/**
 * A source as an administrator submits it, by REST or as one CSV row; {@code id} may be blank (one
 * is given). {@code datum} is WGS84 or GCJ02 (default GCJ02, what map apps show). {@code monitors}: the MNs of
 * its online monitors (HJ 212), none if null.
 */
public record SourceDraft(
        String id,
        String type,
        String name,
        Double longitude,
        Double latitude,
        String datum,
        String address,
        String responsibleUnit,
        String responsibleLeader,
        String responsiblePerson,
        Long investmentWanYuan,
        String ownerSystem,
        String waterBody,
        List<String> monitors) {

    /** A source without online monitors. */
    public SourceDraft(String id, String type, String name, Double longitude, Double latitude, String datum, String address,
                       String responsibleUnit, String responsibleLeader, String responsiblePerson, Long investmentWanYuan,
                       String ownerSystem, String waterBody) {
        this(id, type, name, longitude, latitude, datum, address, responsibleUnit, responsibleLeader, responsiblePerson,
                investmentWanYuan, ownerSystem, waterBody, null);
    }
}
