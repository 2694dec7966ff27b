package cn.luoyang.pollution.complaint.tracking.web;

import cn.luoyang.pollution.complaint.tracking.PublicLookup;
import cn.luoyang.pollution.contracts.catalogue.Catalogue;
import cn.luoyang.pollution.kit.problems.Problems;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/complaints/{trackingNumber}?phoneLast4=1234}: a reporter's own lookup. */
@RestController
class TrackingController {

    private final PublicLookup lookup;
    private final Catalogue catalogue;

    TrackingController(PublicLookup lookup, Catalogue catalogue) {
        this.lookup = lookup;
        this.catalogue = catalogue;
    }

    @Operation(summary = "Progress of a complaint",
            description = "The tracking number is read in any case and with spaces. 404 unless the tracking number "
                    + "exists and phoneLast4 matches the reporter's number; anonymous complaints need no digits. "
                    + "429 once a tracking number has had too many wrong digits.")
    @GetMapping("/api/complaints/{trackingNumber}")
    ResponseEntity<?> status(@PathVariable String trackingNumber, @RequestParam(required = false) String phoneLast4) {
        PublicLookup.Answer answer = lookup.find(TrackingNumbers.normalised(trackingNumber), phoneLast4);
        if (answer instanceof PublicLookup.Found found) {
            return ResponseEntity.ok(StatusView.of(found.tracked(), catalogue));
        }
        if (answer instanceof PublicLookup.Locked) {
            return Problems.field(HttpStatus.TOO_MANY_REQUESTS, "locked", "phoneLast4",
                    "too many wrong digits for this tracking number; try again later");
        }
        return Problems.field(HttpStatus.NOT_FOUND, "not-found", "trackingNumber",
                "no complaint with this tracking number and these phone digits");
    }
}
