package cn.luoyang.pollution.dispatch.jurisdiction;

import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * A county-level territory (县/区) with its boundary in GCJ-02. The boundary is prepared once, so
 * each point-in-polygon test after the spatial index's coarse filter stays cheap.
 */
public final class District {

    private final String code;
    private final String name;
    private final List<String> shortNames;
    private final Geometry boundary;
    private final PreparedGeometry prepared;

    public District(String code, String name, Geometry boundary) {
        this.code = code;
        this.name = name;
        this.shortNames = AdministrativeNames.shortFormsOfDistrict(name);
        this.boundary = boundary;
        this.prepared = boundary == null ? null : PreparedGeometryFactory.prepare(boundary);
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public List<String> shortNames() {
        return shortNames;
    }

    /** Null for a territory that has names but no polygon of its own (the high-tech zone). */
    public Geometry boundary() {
        return boundary;
    }

    PreparedGeometry prepared() {
        return prepared;
    }

    @Override
    public String toString() {
        return code + " " + name;
    }
}
