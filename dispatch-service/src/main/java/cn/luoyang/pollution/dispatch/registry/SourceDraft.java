package cn.luoyang.pollution.dispatch.registry;

import java.util.List;

/**
 * A source as an administrator submits it, by REST or as one CSV row; {@code id} may be blank (one
 * is given). {@code datum} is WGS84 or GCJ02 (default GCJ02, what map apps show). {@code monitors}: the MNs of
 * its online monitors (HJ 212), none if null. {@code responsibleMobile}: the responsible person's mobile as given
 * (optional; sealed at once, never stored so), or its masked form to keep the one registered.
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
        List<String> monitors,
        String responsibleMobile) {

    /** A source without a responsible person's mobile. */
    public SourceDraft(String id, String type, String name, Double longitude, Double latitude, String datum, String address,
                       String responsibleUnit, String responsibleLeader, String responsiblePerson, Long investmentWanYuan,
                       String ownerSystem, String waterBody, List<String> monitors) {
        this(id, type, name, longitude, latitude, datum, address, responsibleUnit, responsibleLeader, responsiblePerson,
                investmentWanYuan, ownerSystem, waterBody, monitors, null);
    }

    /** A source without online monitors. */
    public SourceDraft(String id, String type, String name, Double longitude, Double latitude, String datum, String address,
                       String responsibleUnit, String responsibleLeader, String responsiblePerson, Long investmentWanYuan,
                       String ownerSystem, String waterBody) {
        this(id, type, name, longitude, latitude, datum, address, responsibleUnit, responsibleLeader, responsiblePerson,
                investmentWanYuan, ownerSystem, waterBody, null, null);
    }

    /** The draft without the number it was given (what may be logged or echoed). */
    @Override
    public String toString() {
        return "SourceDraft[" + id + ", " + type + ", " + name + ", responsibleMobile "
                + (responsibleMobile == null || responsibleMobile.isBlank() ? "none" : "given") + "]";
    }
}
