package cn.luoyang.pollution.notification.escalations;

import cn.luoyang.pollution.contracts.complaint.FieldError;
import cn.luoyang.pollution.contracts.dispatch.CaseDispatched;
import cn.luoyang.pollution.kit.contact.ContactNumber;
import cn.luoyang.pollution.kit.contact.ContactSealer;
import cn.luoyang.pollution.kit.contact.PhoneKind;
import cn.luoyang.pollution.kit.contact.PhoneNumbers;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Adds, imports and removes directory entries: each is checked field by field, its mobile number
 * normalised, sealed for this service and masked; the plain number is not kept.
 */
public final class DirectoryEntries {

    /** A department code, optionally {@code @territory} (an administrative code or CITY), or an office name. */
    private static final Pattern UNIT = Pattern.compile("[A-Z][A-Z0-9_]{1,60}(@[A-Z0-9]{2,12})?");
    /** The CSV header the city's file starts with. */
    public static final String CSV_HEADER = "unit,role,name,mobile";

    private final Directory directory;
    private final ContactSealer sealer;
    private final Clock clock;

    public DirectoryEntries(Directory directory, ContactSealer sealer, Clock clock) {
        this.directory = directory;
        this.sealer = sealer;
        this.clock = clock;
    }

    /** One entry as submitted: the fields are text so that each can be refused by name. */
    public record Entry(String unit, String role, String name, String mobile) {
    }

    /** An entry was refused; {@code errors} name its fields. */
    public static final class InvalidEntry extends RuntimeException {
        private final transient List<FieldError> errors;

        public InvalidEntry(List<FieldError> errors) {
            super("invalid directory entry: " + errors.stream().map(FieldError::field).toList());
            this.errors = List.copyOf(errors);
        }

        public List<FieldError> errors() {
            return errors;
        }
    }

    /** Adds or replaces the entry for (unit, role, name). */
    public Person put(Entry entry, String author) {
        List<FieldError> errors = new ArrayList<>();
        Person person = check(entry, author, "", errors);
        if (!errors.isEmpty()) {
            throw new InvalidEntry(errors);
        }
        directory.save(person);
        return person;
    }

    /**
     * Imports CSV text ({@value #CSV_HEADER}, one entry a line, {@code #} comments): all lines or
     * none: a bad line refuses the whole file, its errors named {@code line N.field}.
     */
    public List<Person> importCsv(String csv, String author) {
        List<FieldError> errors = new ArrayList<>();
        List<Person> people = new ArrayList<>();
        String[] lines = csv == null ? new String[0] : csv.replace("\uFEFF", "").split("\\R");
        int n = 0;
        for (String raw : lines) {
            n++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.equalsIgnoreCase(CSV_HEADER)) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length != 4) {
                errors.add(new FieldError("line " + n, "needs 4 cells: " + CSV_HEADER));
                continue;
            }
            Person p = check(new Entry(cells[0].strip(), cells[1].strip(), cells[2].strip(), cells[3].strip()), author,
                    "line " + n + ".", errors);
            if (p != null) {
                people.add(p);
            }
        }
        if (people.isEmpty() && errors.isEmpty()) {
            errors.add(new FieldError("csv", "no entries"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidEntry(errors);
        }
        people.forEach(directory::save);
        return people;
    }

    private Person check(Entry e, String author, String prefix, List<FieldError> errors) {
        int before = errors.size();
        Role role = null;
        try {
            role = e.role() == null ? null : Role.valueOf(e.role().strip());
        } catch (IllegalArgumentException ignored) {
            // reported below
        }
        if (role == null) {
            errors.add(new FieldError(prefix + "role", "one of UNIT_LEADER, GRID_LEADER, CAMPAIGN_OFFICE, DISCIPLINE_OFFICE"));
        }
        // DEPT@CITY is the city's own unit, the code enforcement signs with: DEPT@410300
        String unit = e.unit() == null ? "" : e.unit().strip().replaceFirst("@CITY$", "@" + CaseDispatched.CITY_TERRITORY);
        if (!UNIT.matcher(unit).matches()) {
            errors.add(new FieldError(prefix + "unit", "a department code, optionally @territory, or an office name"));
        }
        String name = e.name() == null ? "" : e.name().strip();
        if (name.isEmpty() || name.length() > 40 || name.contains(",")) {
            errors.add(new FieldError(prefix + "name", "1 to 40 characters, no comma"));
        }
        ContactNumber number = e.mobile() == null || e.mobile().isBlank() ? null : PhoneNumbers.read(e.mobile());
        if (number == null || number.kind() != PhoneKind.MOBILE) {
            errors.add(new FieldError(prefix + "mobile", "a mainland mobile number (11 digits, 1xx)"));
        }
        if (errors.size() > before) {
            return null;
        }
        return new Person(Person.idOf(unit, role, name), unit, role, name, sealer.seal(number.normalForm()),
                number.masked(), author, clock.instant());
    }
}
