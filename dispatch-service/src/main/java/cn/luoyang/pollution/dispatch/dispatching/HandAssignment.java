package cn.luoyang.pollution.dispatch.dispatching;

import cn.luoyang.pollution.contracts.catalogue.Catalogue;
import cn.luoyang.pollution.contracts.complaint.FieldError;
import cn.luoyang.pollution.contracts.dispatch.Level;
import cn.luoyang.pollution.contracts.dispatch.Priority;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks what a person assigns by hand (manual queue, arbitration) against the catalogue and the city's deadline
 * profiles ({@code dispatch.campaigns.profiles-shortest-first}).
 */
public final class HandAssignment {

    private static final Set<String> LEVELS = names(Level.values());
    private static final Set<String> PRIORITIES = names(Priority.values());

    private HandAssignment() {
    }

    public static List<FieldError> check(Catalogue catalogue, String lead, List<String> co, String level, String priority,
            String profile, String by, Collection<String> profiles) {
        List<FieldError> errors = new ArrayList<>();
        if (lead == null || catalogue.department(lead).isEmpty()) {
            errors.add(new FieldError("leadDepartment", "unknown department " + lead));
        }
        if (co != null) {
            co.stream().filter(d -> catalogue.department(d).isEmpty())
                    .forEach(d -> errors.add(new FieldError("coHandlingDepartments", "unknown department " + d)));
        }
        if (!LEVELS.contains(String.valueOf(level))) {
            errors.add(new FieldError("level", "must be one of " + LEVELS));
        }
        if (!PRIORITIES.contains(String.valueOf(priority))) {
            errors.add(new FieldError("priority", "must be one of " + PRIORITIES));
        }
        if (!profiles.contains(String.valueOf(profile))) {
            errors.add(new FieldError("deadlineProfile", "must be one of " + profiles));
        }
        if (by == null || by.isBlank()) {
            errors.add(new FieldError("decidedBy", "required: the person who decides signs for it"));
        }
        return errors;
    }

    private static Set<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }
}
