package cn.luoyang.pollution.systemtests.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Categories in the proportions of the 12369 bulletins (see {@code load/PROVENANCE.md}). */
public final class CategoryMix {

    private record Weighted(String code, double weight) {
    }

    private final List<Weighted> entries;
    private final double total;

    private CategoryMix(List<Weighted> entries) {
        this.entries = List.copyOf(entries);
        this.total = entries.stream().mapToDouble(Weighted::weight).sum();
    }

    public static CategoryMix load() {
        List<Weighted> list = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                CategoryMix.class.getResourceAsStream("/load/category-mix.csv"), StandardCharsets.UTF_8))) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] cells = line.split(",", 3);
                list.add(new Weighted(cells[0], Double.parseDouble(cells[1])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CategoryMix(list);
    }

    public String pick(Random random) {
        double r = random.nextDouble() * total;
        for (Weighted w : entries) {
            r -= w.weight();
            if (r < 0) {
                return w.code();
            }
        }
        return entries.get(entries.size() - 1).code();
    }

    public List<String> codes() {
        return entries.stream().map(Weighted::code).toList();
    }
}
