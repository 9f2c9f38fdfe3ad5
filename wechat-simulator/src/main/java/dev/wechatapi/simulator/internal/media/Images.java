package dev.wechatapi.simulator.internal.media;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** The pictures the simulator serves: QR codes and avatars as JPEG like the real server, and message pictures. */
public final class Images {

    private static final int QR_SIZE = 430;
    private static final int AVATAR_SIZE = 132;

    private Images() {}

    /** A JPEG of a QR code encoding {@code content}. */
    public static byte[] qrCode(String content) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, QR_SIZE, QR_SIZE);
            var image = new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < matrix.getHeight(); y++) {
                for (int x = 0; x < matrix.getWidth(); x++) {
                    image.setRGB(x, y, matrix.get(x, y) ? 0x000000 : 0xFFFFFF);
                }
            }
            return jpeg(image);
        } catch (WriterException contentTooLong) {
            throw new IllegalArgumentException("cannot encode " + content + " as a QR code", contentTooLong);
        }
    }

    /** A small JPEG in a colour derived from {@code seed}, so each contact keeps the same avatar. */
    public static byte[] avatar(String seed) {
        var image = new BufferedImage(AVATAR_SIZE, AVATAR_SIZE, BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        try {
            float hue = Math.floorMod(seed.hashCode(), 360) / 360f;
            graphics.setColor(Color.getHSBColor(hue, 0.45f, 0.85f));
            graphics.fillRect(0, 0, AVATAR_SIZE, AVATAR_SIZE);
            graphics.setColor(Color.getHSBColor(hue, 0.6f, 0.55f));
            graphics.fillOval(AVATAR_SIZE / 4, AVATAR_SIZE / 6, AVATAR_SIZE / 2, AVATAR_SIZE / 2);
            graphics.fillRect(AVATAR_SIZE / 6, AVATAR_SIZE * 2 / 3, AVATAR_SIZE * 2 / 3, AVATAR_SIZE / 3);
        } finally {
            graphics.dispose();
        }
        return jpeg(image);
    }

    /**
     * A picture of the given size in {@code format} ("jpg", "png" or "gif"): a diagonal gradient in colours
     * derived from {@code seed}, so every message has its own bytes and any decoder can open them.
     */
    public static byte[] picture(int width, int height, String format, long seed) {
        boolean gif = format.equals("gif");
        var image = new BufferedImage(width, height, gif ? BufferedImage.TYPE_BYTE_INDEXED : BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        try {
            float hue = Math.floorMod(seed, 360) / 360f;
            graphics.setPaint(new GradientPaint(0, 0, Color.getHSBColor(hue, 0.5f, 0.95f),
                    width, height, Color.getHSBColor(hue + 0.3f, 0.7f, 0.6f)));
            graphics.fillRect(0, 0, width, height);
        } finally {
            graphics.dispose();
        }
        return encode(image, format);
    }

    private static byte[] jpeg(BufferedImage image) {
        return encode(image, "jpg");
    }

    private static byte[] encode(BufferedImage image, String format) {
        try {
            var out = new ByteArrayOutputStream();
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("this JDK has no " + format + " writer");
            }
            return out.toByteArray();
        } catch (IOException inMemory) {
            throw new UncheckedIOException(inMemory);
        }
    }
}
