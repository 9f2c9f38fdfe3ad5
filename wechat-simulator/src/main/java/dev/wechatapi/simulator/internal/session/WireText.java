package dev.wechatapi.simulator.internal.session;

/**
 * Text the way WeChat puts it on the wire: HTML-escaped, newlines as {@code <br/>}, and emoji outside the basic
 * plane as {@code <span class="emoji emoji1f604"></span>} markup, which every client has to decode.
 */
public final class WireText {

    private WireText() {}

    /** A nick name, remark or topic: escaped, emoji as spans. */
    public static String name(String plain) {
        return encode(plain, false);
    }

    /** Message content: escaped, emoji as spans, newlines as {@code <br/>}. */
    public static String content(String plain) {
        return encode(plain, true);
    }

    /** Escapes markup only, for XML payloads that WeChat sends escaped inside Content. */
    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String encode(String plain, boolean lineBreaks) {
        if (plain == null) {
            return "";
        }
        var out = new StringBuilder(plain.length() + 16);
        plain.codePoints().forEach(cp -> {
            switch (cp) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\r' -> {
                    // dropped: CRLF and LF both become one <br/>
                }
                case '\n' -> out.append(lineBreaks ? "<br/>" : " ");
                default -> {
                    if (isSpannedEmoji(cp)) {
                        out.append("<span class=\"emoji emoji").append(Integer.toHexString(cp)).append("\"></span>");
                    } else {
                        out.appendCodePoint(cp);
                    }
                }
            }
        });
        return out.toString();
    }

    /** Pictographs in the supplementary planes; modifiers, flags and joiners stay as characters. */
    private static boolean isSpannedEmoji(int cp) {
        return (cp >= 0x1F300 && cp <= 0x1F5FF && !(cp >= 0x1F3FB && cp <= 0x1F3FF))
                || (cp >= 0x1F600 && cp <= 0x1F64F)
                || (cp >= 0x1F680 && cp <= 0x1F6FF)
                || (cp >= 0x1F900 && cp <= 0x1F9FF);
    }
}
