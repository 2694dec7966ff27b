package cn.luoyang.pollution.dispatch.registry;

/**
 * A source as an administrator submits it, by REST or as one CSV row; {@code id} may be blank (one
 * is given). {@code datum} is WGS84 or GCJ02 (default GCJ02, what map apps show).
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
        String waterBody) {
}
