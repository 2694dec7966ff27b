package cn.luoyang.pollution.dispatch.registry.web;

import cn.luoyang.pollution.contracts.complaint.FieldError;
import cn.luoyang.pollution.dispatch.registry.SourceDraft;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * Reads a registry CSV with a header row. Columns: id, type, name, longitude, latitude, datum,
 * address, responsibleUnit, responsibleLeader, responsiblePerson, investmentWanYuan, ownerSystem,
 * waterBody, monitors, responsibleMobile (any order; unknown columns are reported). {@code monitors}: the MNs of the
 * source's online monitors, separated by {@code ;} or spaces (the column may be left out). {@code responsibleMobile}:
 * the responsible person's mobile (optional), sealed by the registry at once.
 */
final class SourcesCsv {

    static final List<String> COLUMNS = List.of("id", "type", "name", "longitude", "latitude", "datum", "address",
            "responsibleUnit", "responsibleLeader", "responsiblePerson", "investmentWanYuan", "ownerSystem", "waterBody", "monitors",
            "responsibleMobile");

    private static final CsvMapper CSV = CsvMapper.builder().build();

    record Parsed(List<SourceDraft> drafts, List<FieldError> errors) {
    }

    private SourcesCsv() {
    }

    static Parsed read(String text) {
        List<SourceDraft> drafts = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        try (MappingIterator<Map<String, String>> rows = CSV.readerFor(Map.class).with(schema).readValues(text)) {
            int row = 0;
            while (rows.hasNextValue()) {
                Map<String, String> r = rows.nextValue();
                row++;
                String prefix = "rows[" + row + "].";
                if (row == 1) {
                    r.keySet().stream().filter(k -> !COLUMNS.contains(k))
                            .forEach(k -> errors.add(new FieldError("header", "unknown column " + k + "; expected " + COLUMNS)));
                }
                drafts.add(new SourceDraft(r.get("id"), r.get("type"), r.get("name"),
                        decimal(errors, prefix + "longitude", r.get("longitude")),
                        decimal(errors, prefix + "latitude", r.get("latitude")), r.get("datum"), r.get("address"),
                        r.get("responsibleUnit"), r.get("responsibleLeader"), r.get("responsiblePerson"),
                        whole(errors, prefix + "investmentWanYuan", r.get("investmentWanYuan")), r.get("ownerSystem"),
                        r.get("waterBody"), monitors(r.get("monitors")), r.get("responsibleMobile")));
            }
        } catch (JacksonException e) {
            errors.add(new FieldError("file", "not a readable CSV: " + e.getOriginalMessage()));
        }
        return new Parsed(drafts, errors);
    }

    private static List<String> monitors(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Arrays.stream(value.trim().split("[;\\s]+")).filter(mn -> !mn.isEmpty()).toList();
    }

    private static Double decimal(List<FieldError> errors, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(value.trim());
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, "not a number: " + value));
            return null;
        }
    }

    private static Long whole(List<FieldError> errors, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.trim());
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, "not a whole number of 万元: " + value));
            return null;
        }
    }
}
