package cn.luoyang.pollution.complaint.open311.web;

import java.util.Map;

/** @param apiKeys calling system → its api_key; @param jurisdictionId the one jurisdiction this endpoint serves */
record Open311Settings(Map<String, String> apiKeys, String jurisdictionId) {
}
