package cn.luoyang.pollution.enforcement;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Real image files for evidence uploads, drawn here (a grey site with a green cover). */
public final class SitePhotos {

    private SitePhotos() {
    }

    public static byte[] jpeg() {
        return encode("jpg");
    }

    public static byte[] png() {
        return encode("png");
    }

    private static byte[] encode(String format) {
        BufferedImage image = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.GRAY);
        g.fillRect(0, 0, 32, 24);
        g.setColor(new Color(30, 120, 60));
        g.fillRect(4, 12, 24, 8);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
