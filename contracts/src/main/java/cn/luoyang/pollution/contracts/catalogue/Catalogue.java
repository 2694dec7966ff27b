package cn.luoyang.pollution.contracts.catalogue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The city's pollution categories and departments, shared by every service so that a code means
 * the same everywhere. The defaults come from {@code catalogue/*.csv}; the last CSV column may
 * contain commas.
 */
public final class Catalogue {

    private static final Catalogue DEFAULT = new Catalogue(
            load("catalogue/categories.csv", 5, f -> new Category(f[0], f[1], f[2], f[3], f[4]), Category::code),
            load("catalogue/departments.csv", 3, f -> new Department(f[0], f[1], f[2]), Department::code));

    private final Map<String, Category> categories;
    private final Map<String, Department> departments;

    private Catalogue(Map<String, Category> categories, Map<String, Department> departments) {
        this.categories = Collections.unmodifiableMap(categories);
        this.departments = Collections.unmodifiableMap(departments);
    }

    public static Catalogue defaults() {
        return DEFAULT;
    }

    public Optional<Category> category(String code) {
        return Optional.ofNullable(code == null ? null : categories.get(code));
    }

    public Optional<Department> department(String code) {
        return Optional.ofNullable(code == null ? null : departments.get(code));
    }

    public List<Category> categories() {
        return List.copyOf(categories.values());
    }

    public List<Department> departments() {
        return List.copyOf(departments.values());
    }

    private static <T> Map<String, T> load(String resource, int columns, Function<String[], T> row, Function<T, String> key) {
        InputStream in = Catalogue.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing catalogue resource " + resource);
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            Map<String, T> byCode = new LinkedHashMap<>();
            List<String> lines = new ArrayList<>(reader.lines().toList());
            for (String line : lines.subList(1, lines.size())) {
                if (!line.isBlank()) {
                    T value = row.apply(line.split(",", columns));
                    byCode.put(key.apply(value), value);
                }
            }
            return byCode;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
