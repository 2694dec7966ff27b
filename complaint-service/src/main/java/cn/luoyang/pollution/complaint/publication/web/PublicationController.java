package cn.luoyang.pollution.complaint.publication.web;

import cn.luoyang.pollution.complaint.publication.Publication;
import cn.luoyang.pollution.complaint.publication.Publications;
import cn.luoyang.pollution.kit.problems.Problems;
import cn.luoyang.pollution.kit.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The campaign office's review of what the public feeds may show of a complaint: {@code PUT} the parts
 * released ({@code description}, {@code address}, {@code media}; a part left out is not released). The
 * decision is signed with the caller's name and replaces the one before. Only this endpoint of the
 * service needs a signed-in officer (see {@code PublicSurfaceConfiguration}).
 */
@RestController
class PublicationController {

    /** The parts to release; {@code null} (left out) means not released. */
    record Release(Boolean description, Boolean address, Boolean media) {
    }

    /** The decision as stored. */
    record Decision(String trackingNumber, boolean description, boolean address, boolean media, String releasedBy,
                    String decidedAt) {
    }

    private final Publications publications;
    private final Clock clock;

    PublicationController(Publications publications, Clock clock) {
        this.publications = publications;
        this.clock = clock;
    }

    @Operation(summary = "Release parts of a complaint for the public Open311 feed (campaign office, admin)")
    @PutMapping("/api/complaints/{trackingNumber}/publication")
    ResponseEntity<?> decide(@PathVariable String trackingNumber, @RequestBody Release release, Caller caller) {
        String number = trackingNumber.strip().toUpperCase(Locale.ROOT);
        Publication decided = new Publication(Boolean.TRUE.equals(release.description()), Boolean.TRUE.equals(release.address()),
                Boolean.TRUE.equals(release.media()), caller.name(), clock.instant());
        if (!publications.decide(number, decided)) {
            return Problems.field(HttpStatus.NOT_FOUND, "not-found", "trackingNumber", "no such complaint");
        }
        return ResponseEntity.ok(new Decision(number, decided.description(), decided.address(), decided.media(),
                decided.releasedBy(), decided.decidedAt().toString()));
    }
}
