package cn.luoyang.pollution.complaint.intake.web;

import cn.luoyang.pollution.complaint.intake.IntakeService;
import cn.luoyang.pollution.complaint.intake.InvalidComplaintException;
import cn.luoyang.pollution.complaint.intake.Registration;
import cn.luoyang.pollution.complaint.intake.json.ComplaintForms;
import cn.luoyang.pollution.complaint.intake.json.RawJson;
import cn.luoyang.pollution.contracts.complaint.FieldError;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** The native JSON intake: the richest form of a report, for the hotline's own web and WeChat front ends. */
@RestController
class ComplaintIntakeController {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.:/-]{1,128}");

    private final IntakeService intake;
    private final ComplaintForms forms;
    private final int maxBodyBytes;

    ComplaintIntakeController(IntakeService intake, ComplaintForms forms, IntakeLimits limits) {
        this.intake = intake;
        this.forms = forms;
        this.maxBodyBytes = limits.maxBodyBytes();
    }

    @Operation(summary = "File a complaint",
            description = "201 with the tracking number (and, when the report asks for a reward and gives no phone, "
                    + "the 12-digit claimCode: shown this once, never kept, needed with the tracking number to claim the "
                    + "reward at enforcement-service's POST /api/public/rewards/claim); a retry with the same Idempotency-Key answers 200 with the first "
                    + "complaint. 400 lists every broken rule by field; 413 when the body exceeds the limit; 422 when the "
                    + "key was used for a different report.",
            requestBody = @RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(
                    mediaType = "application/json",
                    schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = NativeComplaintSchema.class))))
    @PostMapping(path = "/api/complaints", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<IntakeAnswer> file(HttpServletRequest request,
            @Parameter(description = "makes a retry safe: the same key with the same report yields the same complaint")
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) throws IOException {
        if (request.getContentType() == null || !MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(request.getContentType()))) {
            throw new InvalidComplaintException("unsupported-media-type", List.of(new FieldError("Content-Type", "must be application/json")));
        }
        if (idempotencyKey != null && !KEY.matcher(idempotencyKey).matches()) {
            throw new InvalidComplaintException(List.of(new FieldError("Idempotency-Key", "must be 1-128 letters, digits or _ . : / -")));
        }
        byte[] body = RequestBodies.readAtMost(request.getInputStream(), maxBodyBytes);
        ComplaintForms.Read read = forms.readNative(RawJson.parse(body, maxBodyBytes),
                idempotencyKey != null ? idempotencyKey : "http-" + UUID.randomUUID());
        Registration registration = intake.file(read.draft(), read.errors());
        IntakeAnswer answer = IntakeAnswer.of(registration);
        if (registration.repeated()) {
            return ResponseEntity.ok().header("Idempotent-Replayed", "true").body(answer);
        }
        return ResponseEntity.created(URI.create("/api/complaints/" + answer.trackingNumber())).body(answer);
    }
}
