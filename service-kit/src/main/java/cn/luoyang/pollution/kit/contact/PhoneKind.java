package cn.luoyang.pollution.kit.contact;

/**
 * What kind of number a reporter gave, which decides how they can be answered: only a mainland
 * mobile takes an SMS; the others are for the hotline's callback (回访).
 */
public enum PhoneKind {
    /** A mainland China mobile number (手机). */
    MOBILE,
    /** A mainland fixed line with its area code (固定电话), or a 400/800 service number. */
    LANDLINE,
    /** A valid number outside the mainland numbering plan (Hong Kong, Macao and Taiwan included). */
    FOREIGN,
    /** Text that is no valid number: kept sealed exactly as given, for a person to read. */
    UNPARSED;

    public boolean takesSms() {
        return this == MOBILE;
    }

    /** The kind named on the wire, or null for null or a name this version does not know. */
    public static PhoneKind named(String name) {
        if (name == null) {
            return null;
        }
        for (PhoneKind kind : values()) {
            if (kind.name().equals(name)) {
                return kind;
            }
        }
        return null;
    }
}
