package cn.luoyang.pollution.enforcement.console.map;

import cn.luoyang.pollution.contracts.GeoPoint;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A street map under the case's position from a tile service the city configures
 * ({@code console.map.tile-url}, an XYZ/WMTS address in Web Mercator with {@code {z}}, {@code {x}},
 * {@code {y}}, e.g. its own GIS or 天地图's {@code vec_w}/{@code img_w} layers with the city's key): the
 * 3 × 3 tiles around the point at {@code console.map.tile-zoom}, with the point marked, the position first
 * converted to the tiles' datum ({@code console.map.tile-datum}: WGS84 for 天地图/CGCS2000, GCJ02 for
 * tiles drawn in GCJ-02). Not configured
 * (the default), the console stays offline and the case page shows only the district outlines.
 * Used by the case page's template as {@code @streetTiles}.
 */
@Component("streetTiles")
public class StreetTiles {

    static final int SIZE = 256;

    private final String urlTemplate;
    private final int zoom;
    private final String attribution;
    private final GeoPoint.Datum datum;

    public StreetTiles(@Value("${console.map.tile-url:}") String urlTemplate, @Value("${console.map.tile-zoom:16}") int zoom,
            @Value("${console.map.tile-attribution:}") String attribution,
            @Value("${console.map.tile-datum:WGS84}") GeoPoint.Datum datum) {
        this.urlTemplate = urlTemplate == null ? "" : urlTemplate.trim();
        this.datum = datum;
        this.zoom = Math.max(1, Math.min(19, zoom));
        this.attribution = attribution;
    }

    /** One tile image placed in a 3 × 3 window (column and row 0–2). */
    public record Tile(String url, int column, int row) {

        public String style() {
            return String.format(Locale.ROOT, "left:%.4f%%;top:%.4f%%", column * 100 / 3.0, row * 100 / 3.0);
        }
    }

    /** The tiles and where the point falls in the window (percent of its width and height). */
    public record Window(List<Tile> tiles, double markerLeft, double markerTop, String attribution) {

        public String markerStyle() {
            return String.format(Locale.ROOT, "left:%.4f%%;top:%.4f%%", markerLeft, markerTop);
        }
    }

    public boolean configured() {
        return !urlTemplate.isEmpty();
    }

    /** The window around the point, or null when no tile service is configured or the case has no position. */
    public Window around(GeoPoint position) {
        if (!configured() || position == null) {
            return null;
        }
        GeoPoint p = datum == GeoPoint.Datum.GCJ02 ? position.inGcj02() : position.inWgs84();
        double n = Math.pow(2, zoom);
        double x = (p.longitude() + 180) / 360 * n;
        double lat = Math.toRadians(p.latitude());
        double y = (1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2 * n;
        long tileX = (long) Math.floor(x);
        long tileY = (long) Math.floor(y);
        List<Tile> tiles = new ArrayList<>();
        for (int row = 0; row < 3; row++) {
            for (int column = 0; column < 3; column++) {
                tiles.add(new Tile(url(tileX - 1 + column, tileY - 1 + row), column, row));
            }
        }
        return new Window(tiles, (1 + x - tileX) * 100 / 3, (1 + y - tileY) * 100 / 3, attribution);
    }

    private String url(long x, long y) {
        return urlTemplate.replace("{z}", Integer.toString(zoom)).replace("{x}", Long.toString(x)).replace("{y}", Long.toString(y));
    }

    /** The tile service's origin for the console's Content-Security-Policy ({@code img-src}), or none. */
    public static String origin(String urlTemplate) {
        if (urlTemplate == null || urlTemplate.isBlank()) {
            return "";
        }
        URI uri = URI.create(urlTemplate.trim().replace("{z}", "0").replace("{x}", "0").replace("{y}", "0"));
        if (uri.getScheme() == null || uri.getHost() == null || !uri.getScheme().matches("https?")) {
            throw new IllegalArgumentException("console.map.tile-url must be an http(s) address: " + urlTemplate);
        }
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    }
}
