package cn.luoyang.pollution.dispatch.jurisdiction;

import java.util.List;

/** What the address text says about the territory. */
public sealed interface AddressMatch {

    /** The most specific consistent territory named in the text; lower levels may be null. */
    record Matched(District district, Township township, Village village, List<String> matchedNames) implements AddressMatch {
    }

    /** Several territories fit, or the names contradict each other; a person decides. */
    record Ambiguous(List<String> candidates, String detail) implements AddressMatch {
    }

    /** No administrative name of the city appears in the text. */
    record Unmatched() implements AddressMatch {
    }
}
