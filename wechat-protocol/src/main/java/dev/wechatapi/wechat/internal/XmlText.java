package dev.wechatapi.wechat.internal;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loose reads of the small XML documents inside message Content (§8.4): clients disagree on quoting and element
 * order, and the server on whitespace, so a regular expression per value is safer than a strict parser that
 * rejects the whole message for one stray ampersand.
 */
final class XmlText {

    private XmlText() {}

    /** An attribute of the first {@code element} tag, unescaped; empty when absent. */
    static String attribute(String xml, String element, String name) {
        Matcher tag = Pattern.compile("<" + element + "(\\s[^>]*?)?/?>", Pattern.DOTALL).matcher(xml);
        if (!tag.find() || tag.group(1) == null) {
            return "";
        }
        Matcher value = Pattern.compile("\\s" + name + "\\s*=\\s*(\"([^\"]*)\"|'([^']*)')", Pattern.DOTALL).matcher(tag.group(1));
        if (!value.find()) {
            return "";
        }
        return WebText.unescape(value.group(2) != null ? value.group(2) : value.group(3));
    }

    /** The text of the first {@code <name>} element, CDATA unwrapped and entities unescaped; empty when absent. */
    static String element(String xml, String name) {
        Matcher matcher = Pattern.compile("<" + name + "(?:\\s[^>]*)?>(.*?)</" + name + ">", Pattern.DOTALL).matcher(xml);
        return matcher.find() ? text(matcher.group(1)) : "";
    }

    static Optional<String> optionalElement(String xml, String name) {
        String value = element(xml, name);
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    private static String text(String inner) {
        String trimmed = inner.trim();
        if (trimmed.startsWith("<![CDATA[") && trimmed.endsWith("]]>")) {
            return trimmed.substring(9, trimmed.length() - 3);
        }
        return WebText.unescape(trimmed);
    }

    static long number(String text) {
        return Fields.parseLong(text);
    }

    static double decimal(String text) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }
}
