package dev.wechatapi.simulator.internal.media;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Bytes that look like what WeChat serves, so clients that sniff a file's first bytes (itchat does) pick the right
 * extension: an ID3 tag followed by MPEG audio frame headers for voice, an ISO-BMFF {@code ftyp}/{@code mdat}
 * pair for video, and deterministic filler for attachments.
 */
public final class MediaBlobs {

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"), Map.entry("png", "image/png"),
            Map.entry("gif", "image/gif"), Map.entry("bmp", "image/bmp"), Map.entry("mp4", "video/mp4"),
            Map.entry("mp3", "audio/mp3"), Map.entry("pdf", "application/pdf"), Map.entry("txt", "text/plain"),
            Map.entry("zip", "application/zip"), Map.entry("doc", "application/msword"),
            Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));

    /** Roughly 16 kbit/s, WeChat's voice bitrate. */
    private static final int VOICE_BYTES_PER_SECOND = 2_000;
    private static final int FRAME = 418;

    private MediaBlobs() {}

    /** An MP3-like blob about as long as {@code lengthMs} of WeChat voice. */
    public static byte[] voice(int lengthMs, long seed) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {'I', 'D', '3', 3, 0, 0, 0, 0, 0, 0});
        int size = Math.max(FRAME, (int) ((long) lengthMs * VOICE_BYTES_PER_SECOND / 1000));
        var random = new Random(seed);
        while (out.size() < size) {
            byte[] frame = new byte[FRAME];
            random.nextBytes(frame);
            frame[0] = (byte) 0xFF;
            frame[1] = (byte) 0xFB;
            frame[2] = (byte) 0x90;
            frame[3] = (byte) 0x64;
            out.writeBytes(frame);
        }
        return out.toByteArray();
    }

    /** An MP4-like blob: an {@code ftyp} box, then an {@code mdat} box of {@code payload} bytes. */
    public static byte[] video(int payload, long seed) {
        var out = new ByteArrayOutputStream();
        byte[] ftyp = "ftypisom\0\0\2\0isomiso2avc1mp41".getBytes(StandardCharsets.ISO_8859_1);
        box(out, ftyp);
        byte[] mdat = new byte[4 + payload];
        System.arraycopy("mdat".getBytes(StandardCharsets.ISO_8859_1), 0, mdat, 0, 4);
        byte[] data = filler(payload, seed);
        System.arraycopy(data, 0, mdat, 4, payload);
        box(out, mdat);
        return out.toByteArray();
    }

    /** {@code size} deterministic bytes. */
    public static byte[] filler(int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }

    /** The MIME type for a file name's extension; application/octet-stream when unknown. */
    public static String contentType(String fileName) {
        return TYPES.getOrDefault(extension(fileName), "application/octet-stream");
    }

    public static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static void box(ByteArrayOutputStream out, byte[] typeAndBody) {
        int size = typeAndBody.length + 4;
        out.writeBytes(new byte[] {(byte) (size >>> 24), (byte) (size >>> 16), (byte) (size >>> 8), (byte) size});
        out.writeBytes(typeAndBody);
    }
}
