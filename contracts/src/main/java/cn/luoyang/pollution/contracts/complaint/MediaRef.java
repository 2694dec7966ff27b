package cn.luoyang.pollution.contracts.complaint;

/** A photo or video of the pollution: a URL, or {@code gridfs:<id>} for an upload. */
public record MediaRef(String url, String mediaType, long sizeBytes) {
}
