package cn.luoyang.pollution.complaint.intake.json;

import cn.luoyang.pollution.contracts.GeoPoint;
import cn.luoyang.pollution.contracts.complaint.FieldError;
import cn.luoyang.pollution.contracts.complaint.MediaRef;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Reads typed fields out of a JSON object and notes, per field, what had the wrong type, so that
 * a request with several mistakes gets all of them back at once.
 */
final class Form {

    final List<FieldError> errors = new ArrayList<>();

    String text(JsonNode parent, String name, String path) {
        JsonNode v = parent.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isString()) {
            errors.add(new FieldError(path, "must be a string"));
            return null;
        }
        return v.stringValue();
    }

    boolean bool(JsonNode parent, String name, String path) {
        JsonNode v = parent.get(name);
        if (v == null || v.isNull()) {
            return false;
        }
        if (!v.isBoolean()) {
            errors.add(new FieldError(path, "must be true or false"));
            return false;
        }
        return v.booleanValue();
    }

    Double number(JsonNode parent, String name, String path) {
        JsonNode v = parent.get(name);
        if (v == null || v.isNull()) {
            errors.add(new FieldError(path, "is required"));
            return null;
        }
        if (!v.isNumber()) {
            errors.add(new FieldError(path, "must be a number"));
            return null;
        }
        return v.doubleValue();
    }

    Instant instant(JsonNode parent, String name, String path) {
        String text = text(parent, name, path);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(path, "must be an ISO-8601 time with offset, e.g. 2026-11-28T08:30:00+08:00"));
            return null;
        }
    }

    <E extends Enum<E>> E choice(JsonNode parent, String name, String path, Class<E> type) {
        String text = text(parent, name, path);
        if (text == null) {
            return null;
        }
        for (E value : type.getEnumConstants()) {
            if (value.name().equals(text)) {
                return value;
            }
        }
        errors.add(new FieldError(path, "must be one of " + List.of(type.getEnumConstants())));
        return null;
    }

    JsonNode object(JsonNode parent, String name, String path) {
        JsonNode v = parent.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isObject()) {
            errors.add(new FieldError(path, "must be an object"));
            return null;
        }
        return v;
    }

    GeoPoint location(JsonNode root) {
        JsonNode loc = object(root, "location", "location");
        if (loc == null) {
            return null;
        }
        Double latitude = number(loc, "latitude", "location.latitude");
        Double longitude = number(loc, "longitude", "location.longitude");
        GeoPoint.Datum datum = choice(loc, "datum", "location.datum", GeoPoint.Datum.class);
        if (latitude == null || longitude == null) {
            return null;
        }
        return new GeoPoint(longitude, latitude, datum);
    }

    List<MediaRef> media(JsonNode root) {
        JsonNode list = root.get("media");
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            errors.add(new FieldError("media", "must be an array"));
            return List.of();
        }
        List<MediaRef> media = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String at = "media[" + i + "]";
            JsonNode item = list.get(i);
            if (!item.isObject()) {
                errors.add(new FieldError(at, "must be an object with url, mediaType, sizeBytes"));
                continue;
            }
            JsonNode size = item.get("sizeBytes");
            long bytes = 0;
            if (size == null || size.isNull()) {
                bytes = 0;
            } else if (!size.isIntegralNumber()) {
                errors.add(new FieldError(at + ".sizeBytes", "must be a whole number"));
            } else {
                bytes = size.longValue();
            }
            media.add(new MediaRef(text(item, "url", at + ".url"), text(item, "mediaType", at + ".mediaType"), bytes));
        }
        return media;
    }
}
