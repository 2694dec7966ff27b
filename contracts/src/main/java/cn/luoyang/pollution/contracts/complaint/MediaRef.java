package cn.luoyang.pollution.contracts.complaint;

/** A photo or video of the pollution: a URL, or {@code gridfs:<public id>} for an upload (complaint-service serves it at {@code /api/media/<public id>}). */
public record MediaRef(String url, String mediaType, long sizeBytes) {
}
