package cn.luoyang.pollution.complaint.tracking.web;

import cn.luoyang.pollution.complaint.tracking.PublicLookup;
import cn.luoyang.pollution.contracts.catalogue.Catalogue;
import cn.luoyang.pollution.kit.problems.Problems;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/complaints/{trackingNumber}} with header {@code Phone-Last4: 1234}: a reporter's own
 * lookup. The digits never travel in the address, which proxies, access logs and browser histories
 * keep: a request that puts them there is refused (400) before anything is looked up.
 */
@RestController
class TrackingController {

    static final String PHONE_LAST4_HEADER = "Phone-Last4";

    private final PublicLookup lookup;
    private final Catalogue catalogue;

    TrackingController(PublicLookup lookup, Catalogue catalogue) {
        this.lookup = lookup;
        this.catalogue = catalogue;
    }

    @Operation(summary = "Progress of a complaint",
            description = "The tracking number is read in any case and with spaces. 404 unless the tracking number "
                    + "exists and the header Phone-Last4 matches the reporter's number; anonymous complaints need no "
                    + "digits. 400 when the digits are put in the address. 429 once a tracking number has had too many "
                    + "wrong digits.")
    @GetMapping("/api/complaints/{trackingNumber}")
    ResponseEntity<?> status(@PathVariable String trackingNumber,
            @RequestHeader(name = PHONE_LAST4_HEADER, required = false) String phoneLast4,
            @RequestParam(name = "phoneLast4", required = false) String inTheAddress) {
        if (inTheAddress != null) {
            return Problems.field(HttpStatus.BAD_REQUEST, "validation", "phoneLast4",
                    "send the last four digits in the " + PHONE_LAST4_HEADER + " header, never in the address (addresses are logged)");
        }
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
