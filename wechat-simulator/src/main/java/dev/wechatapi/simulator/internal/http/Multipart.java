package dev.wechatapi.simulator.internal.http;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A {@code multipart/form-data} body split into its fields, in whatever order the client sent them. */
public final class Multipart {

    /** One field; {@code fileName} is null for plain fields. */
    public record Part(String name, String fileName, String contentType, byte[] data) {

        public String text() {
            return new String(data, StandardCharsets.UTF_8);
        }
    }

    private static final Pattern BOUNDARY = Pattern.compile("boundary=(?:\"([^\"]+)\"|([^;\\s]+))", Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME = Pattern.compile("[;\\s]name=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern FILE_NAME = Pattern.compile("filename=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);

    private final Map<String, Part> parts;

    private Multipart(Map<String, Part> parts) {
        this.parts = parts;
    }

    /** Parses the body; a missing boundary or a body without parts is a bad request. */
    public static Multipart parse(String contentType, byte[] body) {
        Matcher boundaryMatch = contentType == null ? null : BOUNDARY.matcher(contentType);
        if (boundaryMatch == null || !boundaryMatch.find()) {
            throw ControlFailure.badRequest("not multipart/form-data with a boundary");
        }
        String boundaryText = boundaryMatch.group(1) != null ? boundaryMatch.group(1) : boundaryMatch.group(2);
        byte[] delimiter = ("--" + boundaryText).getBytes(StandardCharsets.ISO_8859_1);
        var parts = new LinkedHashMap<String, Part>();
        int at = indexOf(body, delimiter, 0);
        while (at >= 0) {
            int start = at + delimiter.length;
            if (start + 1 < body.length && body[start] == '-' && body[start + 1] == '-') {
                break;
            }
            int next = indexOf(body, delimiter, start);
            if (next < 0) {
                break;
            }
            parsePart(Arrays.copyOfRange(body, skipLineBreak(body, start), trimLineBreak(body, next))).ifPresent(
                    part -> parts.putIfAbsent(part.name(), part));
            at = next;
        }
        return new Multipart(parts);
    }

    public Optional<Part> part(String name) {
        return Optional.ofNullable(parts.get(name));
    }

    /** A plain field's text, or null. */
    public String text(String name) {
        return part(name).map(Part::text).orElse(null);
    }

    /** The first part that carries a file name. */
    public Optional<Part> file() {
        return parts.values().stream().filter(part -> part.fileName() != null).findFirst();
    }

    private static Optional<Part> parsePart(byte[] raw) {
        byte[] headerEnd = "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
        int split = indexOf(raw, headerEnd, 0);
        if (split < 0) {
            return Optional.empty();
        }
        String headers = new String(raw, 0, split, StandardCharsets.UTF_8);
        String name = null;
        String fileName = null;
        String type = null;
        for (String line : headers.split("\r\n")) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-disposition:")) {
                Matcher nameMatch = NAME.matcher(line);
                name = nameMatch.find() ? nameMatch.group(1) : null;
                Matcher fileMatch = FILE_NAME.matcher(line);
                fileName = fileMatch.find() ? fileMatch.group(1) : null;
            } else if (lower.startsWith("content-type:")) {
                type = line.substring("content-type:".length()).trim();
            }
        }
        if (name == null) {
            return Optional.empty();
        }
        return Optional.of(new Part(name, fileName, type, Arrays.copyOfRange(raw, split + headerEnd.length, raw.length)));
    }

    private static int skipLineBreak(byte[] body, int at) {
        return at + 1 < body.length && body[at] == '\r' && body[at + 1] == '\n' ? at + 2 : at;
    }

    private static int trimLineBreak(byte[] body, int end) {
        return end >= 2 && body[end - 2] == '\r' && body[end - 1] == '\n' ? end - 2 : end;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
