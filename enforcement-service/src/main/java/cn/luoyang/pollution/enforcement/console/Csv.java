package cn.luoyang.pollution.enforcement.console;

import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The console's CSV downloads for people (Excel): UTF-8 with a byte-order mark, CRLF lines, quoted cells. */
public final class Csv {

    /** What a download starts with: the byte-order mark, so that Excel reads UTF-8. */
    public static final String START = "\uFEFF";

    private Csv() {
    }

    /** A CSV cell, quoted when it holds a comma, quote or line break. */
    public static String cell(String text) {
        String s = text == null ? "" : text;
        return s.matches("(?s).*[,\"\r\n].*") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    /** The download: {@code text/csv; charset=UTF-8} as an attachment named {@code file}. */
    public static ResponseEntity<String> download(String body, String file) {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file, StandardCharsets.UTF_8)
                        .build().toString())
                .body(body);
    }
}
