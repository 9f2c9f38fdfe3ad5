package dev.wechatapi.wechat.internal;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns WeChat's wire text into plain text: emoji spans ({@code <span class="emoji emoji1f604"></span>}) into
 * characters, {@code <br/>} into newlines, and HTML entities into what they stand for, in that order, so text
 * a user typed that merely looks like markup ({@code &lt;br/&gt;}) stays as typed.
 */
public final class WebText {

    private static final Pattern EMOJI_SPAN =
            Pattern.compile("<span class=[\"']emoji emoji([0-9a-fA-F]+)[\"']\\s*>\\s*</span>");
    private static final Pattern LINE_BREAK = Pattern.compile("<br\\s*/?>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,6});");
    private static final Map<String, String> NAMED = Map.of(
            "lt", "<", "gt", ">", "amp", "&", "quot", "\"", "apos", "'", "nbsp", "\u00a0");

    private WebText() {}

    public static String decode(String wire) {
        if (wire == null || wire.isEmpty()) {
            return "";
        }
        String text = replace(EMOJI_SPAN, wire, match -> emoji(match.group(1)));
        text = LINE_BREAK.matcher(text).replaceAll("\n");
        return unescape(text);
    }

    /** HTML entities only (names, {@code &#NN;}, {@code &#xHH;}); unknown entities stay as written. */
    public static String unescape(String text) {
        if (text == null || text.indexOf('&') < 0) {
            return text == null ? "" : text;
        }
        return replace(ENTITY, text, match -> entity(match.group(1)));
    }

    private static String entity(String name) {
        if (name.startsWith("#")) {
            boolean hex = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X');
            int codePoint = Integer.parseInt(name.substring(hex ? 2 : 1), hex ? 16 : 10);
            return Character.isValidCodePoint(codePoint) ? Character.toString(codePoint) : null;
        }
        return NAMED.get(name);
    }

    /**
     * The hex of a span is one code point, or several of equal width run together (flags: {@code 1f1e81f1f3});
     * anything else is left as markup rather than guessed.
     */
    private static String emoji(String hex) {
        int length = hex.length();
        int width = length <= 5 ? length : length % 5 == 0 ? 5 : length % 4 == 0 ? 4 : -1;
        if (width < 4) {
            return null;
        }
        var out = new StringBuilder();
        for (int i = 0; i < length; i += width) {
            int codePoint = Integer.parseInt(hex.substring(i, i + width), 16);
            if (!Character.isValidCodePoint(codePoint)) {
                return null;
            }
            out.appendCodePoint(codePoint);
        }
        return out.toString();
    }

    /** Replaces each match by the function's result, or keeps the match when the function answers null. */
    private static String replace(Pattern pattern, String text, java.util.function.Function<Matcher, String> replacement) {
        Matcher matcher = pattern.matcher(text);
        var out = new StringBuilder(text.length());
        while (matcher.find()) {
            String value = replacement.apply(matcher);
            matcher.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : matcher.group()));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
