package cn.luoyang.pollution.contracts.dispatch;

/**
 * Where a complaint belongs (属地): county/district, township/street, village/community and grid
 * (网格), with how it was found. Lower levels are null when unknown.
 */
public record Territory(
        String districtCode,
        String districtName,
        String townshipCode,
        String townshipName,
        String villageName,
        String gridId,
        FoundBy foundBy) {

    public enum FoundBy {
        /** The point lies inside the district polygon. */
        POLYGON,
        /** On a boundary or just outside the city: the nearest district within the tolerance. */
        NEAREST_WITHIN_TOLERANCE,
        /** No coordinates: administrative names matched in the address text. */
        ADDRESS_TEXT,
        /** Neither coordinates nor an address: administrative names matched in the reporter's own words (描述). */
        DESCRIPTION_TEXT,
        /** A registered pollution source's own territory. */
        SOURCE_REGISTRY,
        /** Assigned by hand by the campaign office. */
        MANUAL
    }
}
