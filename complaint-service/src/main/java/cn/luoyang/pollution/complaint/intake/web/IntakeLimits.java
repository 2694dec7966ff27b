package cn.luoyang.pollution.complaint.intake.web;

/** How large a JSON report may be; a photo goes by upload or URL, never inside the JSON. */
public record IntakeLimits(int maxBodyBytes) {
}
