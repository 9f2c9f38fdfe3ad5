package dev.wechatapi.session.sending;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Reads the facts a sent message reports from an upload's header bytes: a picture's size, an MP4's length. Either is
 * null when the bytes do not say (an unknown format, a damaged file); the message is sent all the same.
 */
final class MediaProbe {

    record Size(int width, int height) {}

    private MediaProbe() {}

    /** Width and height from the image header only: the pixels are never decoded. */
    static Size imageSize(byte[] bytes) {
        // A memory cache: ImageIO's default would spill the stream into a temp file.
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return new Size(reader.getWidth(0), reader.getHeight(0));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
    }

    /** Whole seconds (rounded up) from the MP4 movie header ({@code moov/mvhd}: timescale and duration). */
    static Integer mp4Seconds(byte[] bytes) {
        try {
            ByteBuffer moov = box(ByteBuffer.wrap(bytes), "moov");
            ByteBuffer mvhd = moov != null ? box(moov, "mvhd") : null;
            if (mvhd == null) {
                return null;
            }
            int version = mvhd.get() & 0xff;
            mvhd.position(mvhd.position() + 3 + (version == 1 ? 16 : 8)); // flags, creation and change times
            long timescale = Integer.toUnsignedLong(mvhd.getInt());
            long duration = version == 1 ? mvhd.getLong() : Integer.toUnsignedLong(mvhd.getInt());
            if (timescale == 0 || duration < 0) {
                return null;
            }
            return (int) Math.min(Integer.MAX_VALUE, (duration + timescale - 1) / timescale);
        } catch (RuntimeException damaged) {
            return null;
        }
    }

    /** The body of the first box of this type among the boxes in {@code in}, or null. */
    private static ByteBuffer box(ByteBuffer in, String type) {
        while (in.remaining() >= 8) {
            int start = in.position();
            long size = Integer.toUnsignedLong(in.getInt());
            byte[] name = new byte[4];
            in.get(name);
            if (size == 1) {
                size = in.getLong(); // a 64-bit size follows the type
            } else if (size == 0) {
                size = in.limit() - start; // the box runs to the end
            }
            int headerLength = in.position() - start;
            if (size < headerLength || size > in.limit() - start) {
                return null;
            }
            if (new String(name, StandardCharsets.US_ASCII).equals(type)) {
                return in.slice(in.position(), (int) size - headerLength);
            }
            in.position(start + (int) size);
        }
        return null;
    }
}
