package cn.luoyang.pollution.dispatch.registry;

import cn.luoyang.pollution.contracts.GeoPoint;
import cn.luoyang.pollution.contracts.catalogue.Catalogue;
import cn.luoyang.pollution.contracts.complaint.FieldError;
import cn.luoyang.pollution.dispatch.common.InvalidInput;
import cn.luoyang.pollution.dispatch.common.NotFound;
import cn.luoyang.pollution.dispatch.geo.LonLat;
import cn.luoyang.pollution.dispatch.jurisdiction.Jurisdiction;
import cn.luoyang.pollution.dispatch.jurisdiction.TerritoryLookup;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The pollution-source registry (台账): one list that every department shares, so that "how many
 * sites are there and who answers for each" has one answer. The store is the truth for every
 * instance; the in-memory index that links complaints to sources is rebuilt whenever the store's
 * version differs from the one it was built at (checked before each use: one small read), so a
 * source registered through any instance is linked by the next decision on all of them.
 */
public final class Registry {

    private static final int MAX_TEXT = 200;
    /** HJ 212-2017's MN: up to 24 letters and digits. */
    private static final Pattern MN = Pattern.compile("[A-Za-z0-9]{1,24}");
    private static final int MAX_MONITORS = 100;

    private final Sources store;
    private volatile Indexed indexed = new Indexed(-1, new SourceIndex(List.of()));
    private final Jurisdiction jurisdiction;
    private final Catalogue catalogue;
    private final Clock clock;
    private final Supplier<String> ids;
    private final double linkMetres;
    private final ResponsibleMobiles mobiles;

    /** A registry that takes no responsible person's mobile (no key to seal it with). */
    public Registry(Sources store, Jurisdiction jurisdiction, Catalogue catalogue, Clock clock,
            Supplier<String> ids, double linkMetres) {
        this(store, jurisdiction, catalogue, clock, ids, linkMetres, ResponsibleMobiles.none());
    }

    public Registry(Sources store, Jurisdiction jurisdiction, Catalogue catalogue, Clock clock,
            Supplier<String> ids, double linkMetres, ResponsibleMobiles mobiles) {
        this.mobiles = mobiles;
        this.store = store;
        this.jurisdiction = jurisdiction;
        this.catalogue = catalogue;
        this.clock = clock;
        this.ids = ids;
        this.linkMetres = linkMetres;
    }

    public double linkMetres() {
        return linkMetres;
    }

    public Optional<PollutionSource> byId(String id) {
        return index().byId(id);
    }

    /** The source an online monitor belongs to, by the monitor's MN. */
    public Optional<PollutionSource> byMonitor(String mn) {
        return index().byMonitor(mn);
    }

    /** The index of the stored registry as it is now; built again when another write (on any instance) changed it. */
    private SourceIndex index() {
        long version = store.version();
        Indexed seen = indexed;
        if (seen.version() != version) {
            seen = new Indexed(version, new SourceIndex(store.all()));
            indexed = seen;
        }
        return seen.index();
    }

    private record Indexed(long version, SourceIndex index) {
    }

    public List<PollutionSource> all() {
        return store.all();
    }

    /** The nearest registered source of a type that fits the category, within the link distance. */
    public Optional<SourceLink> link(String category, LonLat point) {
        return point == null ? Optional.empty() : index().nearest(point, SourceTypesByCategory.of(category), linkMetres);
    }

    public PollutionSource register(SourceDraft draft) {
        if (notBlank(draft.id()) && index().byId(draft.id().trim()).isPresent()) {
            throw new InvalidInput("id", "source " + draft.id().trim() + " is already registered; use PUT to change it");
        }
        PollutionSource source = validated(draft, "", draft.id(), null);
        requireOwnMonitors(source, "", index(), new HashMap<>());
        persist(List.of(source));
        return source;
    }

    public PollutionSource update(String id, SourceDraft draft) {
        PollutionSource existing = index().byId(id).orElseThrow(() -> new NotFound("no source " + id));
        PollutionSource source = validated(draft, "", id, existing.responsibleMobile());
        source = new PollutionSource(source.id(), source.type(), source.name(), source.longitude(), source.latitude(),
                source.districtCode(), source.address(), source.responsibleUnit(), source.responsibleLeader(),
                source.responsiblePerson(), source.investmentWanYuan(), source.ownerSystem(), source.waterBody(),
                existing.registeredAt(), source.monitors(), source.responsibleMobile());
        requireOwnMonitors(source, "", index(), new HashMap<>());
        persist(List.of(source));
        return source;
    }

    public void delete(String id) {
        if (!store.delete(id)) {
            throw new NotFound("no source " + id);
        }
    }

    /** All rows or none: a file with any broken row is rejected with every row's errors. */
    public List<PollutionSource> importAll(List<SourceDraft> drafts) {
        return importAll(drafts, List.of());
    }

    /** As {@link #importAll(List)}, with errors the file's reader already found (e.g. a number that is not one). */
    public List<PollutionSource> importAll(List<SourceDraft> drafts, List<FieldError> readErrors) {
        List<FieldError> errors = new ArrayList<>(readErrors);
        List<PollutionSource> sources = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Map<String, String> monitorsInFile = new HashMap<>();
        SourceIndex registered = index();
        for (int i = 0; i < drafts.size(); i++) {
            SourceDraft draft = drafts.get(i);
            String prefix = "rows[" + (i + 1) + "].";
            if (notBlank(draft.id())) {
                String id = draft.id().trim();
                if (!seen.add(id)) {
                    errors.add(new FieldError(prefix + "id", "id " + id + " appears twice in the file"));
                } else if (registered.byId(id).isPresent()) {
                    errors.add(new FieldError(prefix + "id", "source " + id + " is already registered"));
                }
            }
            try {
                PollutionSource source = validated(draft, prefix, draft.id(), null);
                errors.addAll(monitorConflicts(source, prefix, registered, monitorsInFile));
                sources.add(source);
            } catch (InvalidInput e) {
                errors.addAll(e.errors());
            }
        }
        if (drafts.isEmpty()) {
            errors.add(new FieldError("rows", "the file has no rows"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        persist(sources);
        return sources;
    }

    private static void requireOwnMonitors(PollutionSource source, String prefix, SourceIndex registered,
                                           Map<String, String> inFile) {
        List<FieldError> errors = monitorConflicts(source, prefix, registered, inFile);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }

    /** A monitor belongs to one source: not to another registered one, nor to another row of the same file. */
    private static List<FieldError> monitorConflicts(PollutionSource source, String prefix, SourceIndex registered,
                                                     Map<String, String> inFile) {
        List<FieldError> errors = new ArrayList<>();
        for (String mn : source.monitors()) {
            Optional<PollutionSource> owner = registered.byMonitor(mn).filter(o -> !o.id().equals(source.id()));
            String earlierRow = inFile.putIfAbsent(mn, prefix);
            if (owner.isPresent()) {
                errors.add(new FieldError(prefix + "monitors", "monitor " + mn + " belongs to source " + owner.get().id()));
            } else if (earlierRow != null) {
                errors.add(new FieldError(prefix + "monitors", "monitor " + mn + " is also in " + earlierRow.replace(".", "")));
            }
        }
        return errors;
    }

    private void persist(List<PollutionSource> sources) {
        store.saveAll(sources);
    }

    /** @param registered the mobile the source has now (an update), which its masked form given again keeps */
    private PollutionSource validated(SourceDraft d, String prefix, String requestedId, ResponsibleMobile registered) {
        List<FieldError> errors = new ArrayList<>();
        SourceType type = null;
        if (!notBlank(d.type())) {
            errors.add(new FieldError(prefix + "type", "required, one of " + List.of(SourceType.values())));
        } else {
            try {
                type = SourceType.valueOf(d.type().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(prefix + "type", "unknown type " + d.type() + ", expected one of " + List.of(SourceType.values())));
            }
        }
        requireText(errors, prefix + "name", d.name());
        requireText(errors, prefix + "responsibleUnit", d.responsibleUnit());
        requireText(errors, prefix + "responsibleLeader", d.responsibleLeader());
        requireText(errors, prefix + "responsiblePerson", d.responsiblePerson());
        optionalText(errors, prefix + "address", d.address());
        optionalText(errors, prefix + "waterBody", d.waterBody());
        GeoPoint.Datum datum = GeoPoint.Datum.GCJ02;
        if (notBlank(d.datum())) {
            try {
                datum = GeoPoint.Datum.valueOf(d.datum().trim().toUpperCase(Locale.ROOT).replace("-", ""));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(prefix + "datum", "must be WGS84 or GCJ02"));
            }
        }
        if (d.longitude() == null || d.longitude() < 73 || d.longitude() > 136) {
            errors.add(new FieldError(prefix + "longitude", "required, degrees east within China"));
        }
        if (d.latitude() == null || d.latitude() < 3 || d.latitude() > 54) {
            errors.add(new FieldError(prefix + "latitude", "required, degrees north within China"));
        }
        List<String> monitors = monitors(errors, prefix + "monitors", d.monitors());
        ResponsibleMobile mobile = mobile(errors, prefix + "responsibleMobile", d.responsibleMobile(), registered);
        if (d.investmentWanYuan() != null && d.investmentWanYuan() < 0) {
            errors.add(new FieldError(prefix + "investmentWanYuan", "must not be negative"));
        }
        if (type == SourceType.CONSTRUCTION_SITE && d.investmentWanYuan() == null) {
            errors.add(new FieldError(prefix + "investmentWanYuan", "required for a construction site (万元)"));
        }
        if (notBlank(d.ownerSystem()) && catalogue.department(d.ownerSystem().trim()).isEmpty()) {
            errors.add(new FieldError(prefix + "ownerSystem", "unknown department code " + d.ownerSystem()));
        }
        String districtCode = null;
        LonLat position = null;
        if (errors.stream().noneMatch(e -> e.field().endsWith("longitude") || e.field().endsWith("latitude") || e.field().endsWith("datum"))) {
            TerritoryLookup where = jurisdiction.byPoint(new GeoPoint(d.longitude(), d.latitude(), datum));
            if (where instanceof TerritoryLookup.Found found) {
                districtCode = found.territory().districtCode();
                position = found.point();
            } else {
                errors.add(new FieldError(prefix + "longitude", "the position lies outside Luoyang's districts"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        String id = notBlank(requestedId) ? requestedId.trim() : ids.get();
        return new PollutionSource(id, type, d.name().trim(), position.longitude(), position.latitude(), districtCode,
                trimmed(d.address()), d.responsibleUnit().trim(), d.responsibleLeader().trim(), d.responsiblePerson().trim(),
                d.investmentWanYuan(), notBlank(d.ownerSystem()) ? d.ownerSystem().trim() : null, trimmed(d.waterBody()),
                clock.instant(), monitors, mobile);
    }

    /**
     * The responsible person's mobile sealed at once; none when blank. The masked form of the registered number keeps
     * it (a source read, changed and written back); any other masked text is refused, as is anything that is no
     * mainland mobile. A message never repeats the number.
     */
    private ResponsibleMobile mobile(List<FieldError> errors, String field, String given, ResponsibleMobile registered) {
        if (!notBlank(given)) {
            return null;
        }
        String text = given.strip();
        if (text.contains("*")) {
            if (registered != null && registered.masked().equals(text)) {
                return registered;
            }
            errors.add(new FieldError(field, "a masked number that is not the registered one: give the whole number"));
            return null;
        }
        try {
            return mobiles.seal(text);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, e.getMessage()));
            return null;
        }
    }

    /** The MNs trimmed, each an HJ 212 MN and once. */
    private static List<String> monitors(List<FieldError> errors, String field, List<String> given) {
        if (given == null) {
            return List.of();
        }
        if (given.size() > MAX_MONITORS) {
            errors.add(new FieldError(field, "at most " + MAX_MONITORS + " monitors"));
            return List.of();
        }
        List<String> mns = new ArrayList<>();
        for (String raw : given) {
            String mn = raw == null ? "" : raw.trim();
            if (!MN.matcher(mn).matches()) {
                errors.add(new FieldError(field, "'" + (mn.length() > 30 ? mn.substring(0, 30) + "…" : mn)
                        + "' is not an HJ 212 MN (1-24 letters and digits)"));
            } else if (mns.contains(mn)) {
                errors.add(new FieldError(field, "monitor " + mn + " is named twice"));
            } else {
                mns.add(mn);
            }
        }
        return mns;
    }

    private static void requireText(List<FieldError> errors, String field, String value) {
        if (!notBlank(value)) {
            errors.add(new FieldError(field, "required"));
        } else {
            optionalText(errors, field, value);
        }
    }

    private static void optionalText(List<FieldError> errors, String field, String value) {
        if (value != null && value.length() > MAX_TEXT) {
            errors.add(new FieldError(field, "at most " + MAX_TEXT + " characters"));
        }
        if (value != null && (value.startsWith("$") || value.contains("\u0000"))) {
            errors.add(new FieldError(field, "must not start with $ or contain NUL"));
        }
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }

    private static String trimmed(String value) {
        return notBlank(value) ? value.trim() : null;
    }
}
