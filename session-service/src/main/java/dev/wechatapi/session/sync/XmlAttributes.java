package dev.wechatapi.session.sync;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads attributes from the small XML documents WeChat puts in the Content of location and card messages. Those
 * arrive HTML-escaped and are flat enough that a parser would only add ways to fail.
 */
final class XmlAttributes {

    private final String xml;

    private XmlAttributes(String xml) {
        this.xml = xml;
    }

    static XmlAttributes of(String raw) {
        return new XmlAttributes(raw == null ? "" : unescape(raw));
    }

    String get(String name) {
        Matcher m = Pattern.compile("\\b" + Pattern.quote(name) + "\\s*=\\s*\"([^\"]*)\"").matcher(xml);
        return m.find() ? unescape(m.group(1)) : null;
    }

    Double getDouble(String name) {
        try {
            String value = get(name);
            return value == null || value.isEmpty() ? null : Double.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    Integer getInt(String name) {
        Double value = getDouble(name);
        return value == null ? null : value.intValue();
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                .replace("&amp;", "&");
    }
}
