package cn.luoyang.pollution.dispatch.grids.web;

import cn.luoyang.pollution.contracts.complaint.FieldError;
import cn.luoyang.pollution.dispatch.grids.RosterRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * Reads a roster CSV with a header row {@code gridId,role,userId,name} (any order), one person per
 * line; row n of the data is line n+1 of the file (a quoted field spanning lines is not counted).
 */
final class RosterCsv {

    static final List<String> COLUMNS = List.of("gridId", "role", "userId", "name");

    private static final CsvMapper CSV = CsvMapper.builder().build();

    record Parsed(List<RosterRow> rows, List<FieldError> errors) {
    }

    private RosterCsv() {
    }

    static Parsed read(String text) {
        List<RosterRow> rows = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        try (MappingIterator<Map<String, String>> it = CSV.readerFor(Map.class).with(schema).readValues(text)) {
            int line = 1;
            while (it.hasNextValue()) {
                Map<String, String> r = it.nextValue();
                line++;
                if (line == 2) {
                    r.keySet().stream().filter(k -> !COLUMNS.contains(k))
                            .forEach(k -> errors.add(new FieldError("line 1", "unknown column " + k + "; expected " + COLUMNS)));
                    COLUMNS.stream().filter(k -> !r.containsKey(k))
                            .forEach(k -> errors.add(new FieldError("line 1", "missing column " + k)));
                }
                rows.add(new RosterRow(line, r.get("gridId"), r.get("role"), r.get("userId"), r.get("name")));
            }
        } catch (JacksonException e) {
            errors.add(new FieldError("file", "not a readable CSV: " + e.getOriginalMessage()));
        }
        return new Parsed(rows, errors);
    }
}
