package cn.luoyang.pollution.complaint.intake.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads a request body without ever holding more than the limit plus one byte. */
final class RequestBodies {

    static byte[] readAtMost(InputStream in, int limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(limit + 1, 8192));
        byte[] buffer = new byte[8192];
        int total = 0;
        int n;
        while (total <= limit && (n = in.read(buffer, 0, Math.min(buffer.length, limit + 1 - total))) > 0) {
            out.write(buffer, 0, n);
            total += n;
        }
        return out.toByteArray();
    }

    private RequestBodies() {
    }
}
