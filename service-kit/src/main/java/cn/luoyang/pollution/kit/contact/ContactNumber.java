package cn.luoyang.pollution.kit.contact;

/**
 * A reporter's number as read at the edge: its kind, the normal form that gets sealed (bare 11
 * digits for a mainland mobile, E.164 for a landline or a foreign number, the text as given when
 * unparsed) and the masked form people may see. {@link #toString()} never shows the normal form.
 */
public record ContactNumber(PhoneKind kind, String normalForm, String masked) {

    @Override
    public String toString() {
        return "ContactNumber[" + kind + ", " + masked + "]";
    }
}
