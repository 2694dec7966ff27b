package cn.luoyang.pollution.dispatch.registry;

/**
 * Reads and seals the mobile number given for a source's responsible person, at the moment it is imported: from
 * then on only its sealed and masked forms exist. Only a mainland mobile is taken (the number is there to receive
 * an SMS).
 */
@FunctionalInterface
public interface ResponsibleMobiles {

    /** @throws IllegalArgumentException with a message for the importer when the text is no mainland mobile number */
    ResponsibleMobile seal(String given);

    /** Where no key to seal with is configured: every number is refused. */
    static ResponsibleMobiles none() {
        return given -> {
            throw new IllegalArgumentException("no reporter-contact key is configured to seal numbers with");
        };
    }
}
