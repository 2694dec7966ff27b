package cn.luoyang.pollution.enforcement.cases;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The evidence a closure request cites (办结依据): files uploaded to this case, an inspection record
 * with its signer, or both. Free text is not evidence: what is cited must exist.
 */
public record Evidence(List<EvidenceFile> files, InspectionRecord inspection) {

    public static final Evidence NONE = new Evidence(List.of(), null);

    public Evidence {
        files = files == null ? List.of() : List.copyOf(files);
    }

    public static Evidence of(List<EvidenceFile> files, InspectionRecord inspection) {
        return new Evidence(files, inspection);
    }

    public boolean citesNothing() {
        return files.isEmpty() && inspection == null;
    }

    /** The references the history entry and the event carry: each file's, then the record's. */
    public List<String> references() {
        List<String> refs = new ArrayList<>();
        files.forEach(f -> refs.add(f.reference()));
        if (inspection != null) {
            refs.add(inspection.reference());
        }
        return refs;
    }

    /** Everyone whose work the evidence is (uploaders, the record's signer): none of them verifies the closure. */
    public Set<String> people() {
        Set<String> people = new LinkedHashSet<>();
        files.forEach(f -> people.add(f.uploadedBy()));
        if (inspection != null) {
            people.add(inspection.signedBy());
        }
        return people;
    }
}
