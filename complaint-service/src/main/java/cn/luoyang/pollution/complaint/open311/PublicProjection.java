package cn.luoyang.pollution.complaint.open311;

import cn.luoyang.pollution.complaint.intake.Complaint;
import cn.luoyang.pollution.complaint.intake.PhoneRedaction;
import cn.luoyang.pollution.complaint.publication.Publication;
import cn.luoyang.pollution.contracts.GeoPoint;
import cn.luoyang.pollution.contracts.complaint.MediaRef;
import java.util.List;

/**
 * What the public Open311 feed shows of a complaint's own words and place: the description, address and
 * media only once an officer released them ({@link Publication}), the text with every phone number
 * masked all the same, and the position only as the centre of its grid cell (see {@link #cell}).
 *
 * @param latitude  WGS-84, the cell's
 * @param longitude WGS-84, the cell's
 */
public record PublicProjection(String description, String address, Double latitude, Double longitude, List<MediaRef> media) {

    /**
     * Public grid cells per degree of latitude and longitude: a cell of 0.01° is about 1.1 km north–south
     * and 0.9 km east–west at Luoyang (34.6° N), enough to show the neighbourhood of a dusty site, not
     * the reporter's door. The project's own grids (网格, dispatch-service) are administrative areas
     * served by dispatch-service, not a rounding rule, so this one is fixed here.
     */
    public static final int CELLS_PER_DEGREE = 100;

    public static PublicProjection of(Complaint complaint) {
        Publication released = complaint.publication();
        var draft = complaint.draft();
        GeoPoint wgs = draft.location() == null ? null : draft.location().inWgs84();
        return new PublicProjection(
                released.description() ? masked(draft.description()) : null,
                released.address() ? masked(draft.addressText()) : null,
                wgs == null ? null : cell(wgs.latitude()),
                wgs == null ? null : cell(wgs.longitude()),
                released.media() ? draft.media() : List.of());
    }

    /** A coordinate rounded to the nearest 0.01°: the centre of the cell around it. */
    public static double cell(double degrees) {
        return (double) Math.round(degrees * CELLS_PER_DEGREE) / CELLS_PER_DEGREE;
    }

    private static String masked(String text) {
        return text == null ? null : PhoneRedaction.mask(text);
    }
}
