package cn.luoyang.pollution.dispatch.jurisdiction.json;

import cn.luoyang.pollution.dispatch.jurisdiction.DistrictMap;
import cn.luoyang.pollution.dispatch.jurisdiction.Divisions;
import cn.luoyang.pollution.dispatch.jurisdiction.GridGenerator;
import cn.luoyang.pollution.dispatch.jurisdiction.Grids;
import cn.luoyang.pollution.dispatch.jurisdiction.Jurisdiction;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Function;

/** Assembles a {@link Jurisdiction} from the four territory files and generates its demonstration grid (or reads an official one). */
public final class Territories {

    /** The bundled Luoyang files on the classpath. */
    public static final String DISTRICTS = "luoyang/410300_full.datav_current.json";
    public static final String COUNTIES = "luoyang/counties.csv";
    public static final String TOWNSHIPS = "luoyang/townships.csv";
    public static final String VILLAGES = "luoyang/villages.csv";

    /** About 3,400 cells over Luoyang (the city's grid-leader count), see {@link GridGenerator}. */
    public static final double DEFAULT_GRID_CELL_KM = 2.32;

    private Territories() {
    }

    public static Jurisdiction load(Function<String, InputStream> open, String districts, String counties, String townships,
            String villages, double toleranceMetres, double gridCellKm) {
        return load(open, districts, counties, townships, villages, null, toleranceMetres, gridCellKm);
    }

    /** @param gridFile an official grid ({@link GridFile}) in place of the generated lattice; null or blank: the lattice */
    public static Jurisdiction load(Function<String, InputStream> open, String districts, String counties, String townships,
            String villages, String gridFile, double toleranceMetres, double gridCellKm) {
        try (InputStream d = open.apply(districts); InputStream c = open.apply(counties);
             InputStream t = open.apply(townships); InputStream v = open.apply(villages)) {
            DistrictMap map = TerritoryData.districts(d, c);
            Divisions divisions = TerritoryData.divisions(t, v);
            Grids grids;
            if (gridFile == null || gridFile.isBlank()) {
                grids = new Grids(GridGenerator.generate(map, divisions, gridCellKm));
            } else {
                try (InputStream g = open.apply(gridFile)) {
                    grids = new Grids(GridFile.read(g, map, divisions));
                }
            }
            return new Jurisdiction(map, divisions, grids, toleranceMetres);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bundled Luoyang data, for tests and the benchmark. */
    public static Jurisdiction luoyang(double toleranceMetres) {
        ClassLoader loader = Territories.class.getClassLoader();
        return load(loader::getResourceAsStream, DISTRICTS, COUNTIES, TOWNSHIPS, VILLAGES, toleranceMetres, DEFAULT_GRID_CELL_KM);
    }
}
