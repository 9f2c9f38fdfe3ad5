package dev.wechatapi.imagetests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * An image tarball as {@code jib:buildTar} writes it ({@code docker save} format: manifest.json, the config and the
 * gzipped layers), read without Docker.
 */
final class ImageTarball {
    /** One file, directory or link of a layer. */
    record Entry(String path, char type, int mode, long uid, long gid, long size, String linkTarget) {
    }

    /** One layer: its file in the tarball, its compressed size, the SHA-256 of its uncompressed tar, its entries. */
    record Layer(String file, long compressedSize, String diffId, Map<String, Entry> entries) {
    }

    final Path path;
    final JsonNode manifest;
    final JsonNode config;
    final List<Layer> layers = new ArrayList<>();
    final Map<String, byte[]> files = new LinkedHashMap<>();

    ImageTarball(Path path) throws IOException {
        this.path = path;
        try (InputStream in = Files.newInputStream(path)) {
            readTar(in, (entry, content) -> {
                if (entry.type() == '0') {
                    files.put(entry.path(), content.readAllBytes());
                }
            });
        }
        ObjectMapper json = new ObjectMapper();
        manifest = json.readTree(files.get("manifest.json"));
        config = json.readTree(files.get(manifest.get(0).get("Config").asString()));
        for (JsonNode layerFile : manifest.get(0).get("Layers")) {
            byte[] blob = files.get(layerFile.asString());
            Map<String, Entry> entries = new LinkedHashMap<>();
            MessageDigest sha256 = sha256();
            try (InputStream in = new DigestInputStream(new GZIPInputStream(new java.io.ByteArrayInputStream(blob)), sha256)) {
                readTar(in, (entry, content) -> entries.put(entry.path(), entry));
                in.transferTo(OutputStreamNull.INSTANCE);
            }
            layers.add(new Layer(layerFile.asString(), blob.length, "sha256:" + HexFormat.of().formatHex(sha256.digest()),
                    entries));
        }
    }

    long compressedSize() {
        return layers.stream().mapToLong(Layer::compressedSize).sum();
    }

    /** The entry of a path (without a leading slash) in the topmost layer that has it. */
    Entry find(String path) {
        for (int i = layers.size() - 1; i >= 0; i--) {
            Entry entry = layers.get(i).entries().get(path);
            if (entry != null) {
                return entry;
            }
        }
        return null;
    }

    /** The index of the layer holding the path, -1 if none. */
    int layerOf(String path) {
        for (int i = layers.size() - 1; i >= 0; i--) {
            if (layers.get(i).entries().containsKey(path)) {
                return i;
            }
        }
        return -1;
    }

    /** The content of a regular file in the topmost layer holding it. */
    byte[] read(String wanted) throws IOException {
        for (int i = layers.size() - 1; i >= 0; i--) {
            if (!layers.get(i).entries().containsKey(wanted)) {
                continue;
            }
            byte[][] found = new byte[1][];
            try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(files.get(layers.get(i).file())))) {
                readTar(in, (entry, content) -> {
                    if (entry.path().equals(wanted)) {
                        found[0] = content.readAllBytes();
                    }
                });
            }
            return found[0];
        }
        return null;
    }

    interface EntryHandler {
        void handle(Entry entry, InputStream content) throws IOException;
    }

    /** A minimal reader of ustar/GNU/pax archives: names (with pax "path" and GNU long names), modes, owners, sizes. */
    static void readTar(InputStream in, EntryHandler handler) throws IOException {
        byte[] header = new byte[512];
        String longName = null;
        String longLink = null;
        while (true) {
            if (in.readNBytes(header, 0, 512) < 512 || isZero(header)) {
                return;
            }
            String name = string(header, 0, 100);
            String prefix = string(header, 345, 155);
            if (!prefix.isEmpty() && header[257] == 'u') {
                name = prefix + "/" + name;
            }
            int mode = (int) octal(header, 100, 8);
            long uid = octal(header, 108, 8);
            long gid = octal(header, 116, 8);
            long size = octal(header, 124, 12);
            char type = header[156] == 0 ? '0' : (char) header[156];
            String link = string(header, 157, 100);
            byte[] data = in.readNBytes((int) size);
            long padding = (512 - size % 512) % 512;
            in.readNBytes((int) padding);
            switch (type) {
                case 'L' -> longName = string(data, 0, data.length);
                case 'K' -> longLink = string(data, 0, data.length);
                case 'x' -> {
                    for (String record : new String(data, StandardCharsets.UTF_8).split("\n")) {
                        int space = record.indexOf(' ');
                        int equals = record.indexOf('=');
                        if (space > 0 && equals > space) {
                            String key = record.substring(space + 1, equals);
                            if (key.equals("path")) {
                                longName = record.substring(equals + 1);
                            } else if (key.equals("linkpath")) {
                                longLink = record.substring(equals + 1);
                            }
                        }
                    }
                }
                case 'g' -> {
                }
                default -> {
                    String path = longName != null ? longName : name;
                    String target = longLink != null ? longLink : link;
                    longName = null;
                    longLink = null;
                    path = normalize(path);
                    handler.handle(new Entry(path, type, mode, uid, gid, size, target),
                            new java.io.ByteArrayInputStream(data));
                }
            }
        }
    }

    static String normalize(String path) {
        String normalized = path;
        while (normalized.startsWith("./") || normalized.startsWith("/")) {
            normalized = normalized.substring(normalized.startsWith("./") ? 2 : 1);
        }
        while (normalized.endsWith("/")) {
            normalized = normalized.substring(0, normalized.length() - 1);
        }
        return normalized;
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static String string(byte[] bytes, int offset, int length) {
        int end = offset;
        while (end < offset + length && end < bytes.length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static long octal(byte[] bytes, int offset, int length) {
        if ((bytes[offset] & 0x80) != 0) { // GNU base-256
            long value = 0;
            for (int i = offset + 1; i < offset + length; i++) {
                value = (value << 8) | (bytes[i] & 0xff);
            }
            return value;
        }
        String text = string(bytes, offset, length).trim();
        return text.isEmpty() ? 0 : Long.parseLong(text, 8);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class OutputStreamNull extends ByteArrayOutputStream {
        static final OutputStreamNull INSTANCE = new OutputStreamNull();

        @Override
        public void write(byte[] b, int off, int len) {
        }

        @Override
        public void write(int b) {
        }
    }
}
