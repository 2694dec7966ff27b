package cn.luoyang.pollution.complaint.open311.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.xml.XmlMapper;
import tools.jackson.dataformat.xml.XmlWriteFeature;

/** Writes an answer as the format the path names ({@code .json} or {@code .xml}), UTF-8 as the spec requires. */
final class Open311Output {

    static final MediaType JSON = MediaType.parseMediaType("application/json;charset=utf-8");
    static final MediaType XML = MediaType.parseMediaType("text/xml;charset=utf-8");

    private static final JsonMapper JSON_MAPPER = JsonMapper.builder().build();
    private static final XmlMapper XML_MAPPER = XmlMapper.builder().enable(XmlWriteFeature.WRITE_XML_DECLARATION).build();

    enum Format { json, xml }

    static Format format(String text) {
        try {
            return Format.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new Open311Exception(400, "format must be json or xml");
        }
    }

    /** @param xmlWrapper the XML document for {@code json}'s value (lists need a root element) */
    static ResponseEntity<byte[]> write(int status, Format format, Object json, Object xmlWrapper) {
        byte[] body = format == Format.json
                ? JSON_MAPPER.writeValueAsBytes(json)
                : XML_MAPPER.writeValueAsString(xmlWrapper).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.status(status).contentType(format == Format.json ? JSON : XML).body(body);
    }

    static ResponseEntity<byte[]> errors(int status, Format format, List<Open311Dtos.Error> errors) {
        return write(status, format, errors, new Open311Dtos.ErrorsXml(errors));
    }

    private Open311Output() {
    }
}
