package cn.luoyang.pollution.complaint.intake.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The native request body, for the OpenAPI document only: the controller reads the raw JSON
 * itself, so that size, UTF-8, operator keys and wrong types all get field-level messages.
 */
@Schema(name = "NativeComplaint", description = "A pollution report. Give coordinates or addressText (or both).")
record NativeComplaintSchema(
        @Schema(description = "category code, see GET /open311/v2/services.json", example = "AIR_CONSTRUCTION_DUST", requiredMode = Schema.RequiredMode.REQUIRED) String category,
        @Schema(description = "free sub-type, at most 100 characters", example = "未覆盖裸土") String subType,
        @Schema(description = "at most 4000 characters", example = "工地夜间未覆盖, 扬尘很大", requiredMode = Schema.RequiredMode.REQUIRED) String description,
        Location location,
        @Schema(description = "at most 500 characters", example = "洛阳市涧西区中州西路") String addressText,
        OffsetDateTime observedAt,
        boolean happeningNow,
        List<Media> media,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Reporter reporter,
        @Schema(description = "defaults to WEB", example = "WECHAT") String channel,
        @Schema(description = "有奖举报") boolean rewardRequested,
        @Schema(description = "kept as web:<name> (no name: web), so that it never names a hotline's tickets", example = "wechat-miniapp") String sourceSystem,
        @Schema(description = "the source system's id; defaults to the Idempotency-Key") String externalTicketId) {

    record Location(@Schema(example = "34.6197") double latitude, @Schema(example = "112.4540") double longitude,
                    @Schema(allowableValues = {"WGS84", "GCJ02"}) String datum) {
    }

    record Media(@Schema(example = "https://example.org/p.jpg or gridfs:<id>") String url,
                 @Schema(example = "image/jpeg") String mediaType, @Schema(example = "204800") long sizeBytes) {
    }

    record Reporter(boolean anonymous, @Schema(description = "mainland mobile; sealed at once, never stored", example = "13800000000") String phone) {
    }
}
