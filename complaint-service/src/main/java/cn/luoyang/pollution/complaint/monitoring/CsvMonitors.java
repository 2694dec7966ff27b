package cn.luoyang.pollution.complaint.monitoring;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The monitor registry read once from CSV: a header line {@code mn,password_hash,source_id,responsible_unit},
 * then one monitor per line; blank lines and lines starting with {@code #} are skipped. It authenticates devices;
 * which source a monitor belongs to, for routing its faults, is dispatch's registry (its {@code monitors} column).
 */
public final class CsvMonitors implements Monitors {

    static final String HEADER = "mn,password_hash,source_id,responsible_unit";

    private final Map<String, Monitor> byMn;

    private CsvMonitors(Map<String, Monitor> byMn) {
        this.byMn = Map.copyOf(byMn);
    }

    /** @throws IllegalArgumentException naming the line when the file is not the registry's CSV */
    public static CsvMonitors read(Reader source) {
        Map<String, Monitor> monitors = new HashMap<>();
        try (BufferedReader lines = new BufferedReader(source)) {
            String header = lines.readLine();
            if (header == null || !header.strip().equals(HEADER)) {
                throw new IllegalArgumentException("monitor registry: first line must be " + HEADER);
            }
            String line;
            int number = 1;
            while ((line = lines.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                if (cells.length != 4 || cells[0].isBlank() || !cells[1].startsWith("pbkdf2-sha256$")) {
                    throw new IllegalArgumentException("monitor registry line " + number + ": expected " + HEADER
                            + " with a pbkdf2-sha256 hash");
                }
                Monitor monitor = new Monitor(cells[0].strip(), cells[1].strip(), cells[2].strip(), cells[3].strip());
                if (monitors.put(monitor.mn(), monitor) != null) {
                    throw new IllegalArgumentException("monitor registry line " + number + ": MN " + monitor.mn() + " twice");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CsvMonitors(monitors);
    }

    @Override
    public Optional<Monitor> byMn(String mn) {
        return Optional.ofNullable(byMn.get(mn));
    }

    public int size() {
        return byMn.size();
    }
}
