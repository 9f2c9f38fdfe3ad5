package dev.wechatapi.simulator.internal.control;

import dev.wechatapi.simulator.internal.session.WireText;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The XML payloads of media, app, card and system messages: attribute values escaped as XML, and the whole
 * document escaped once more with newlines as {@code <br/>}, which is how it travels inside Content.
 */
final class WireXml {

    private static final SecureRandom RANDOM = new SecureRandom();

    private WireXml() {}

    /** A value for an XML attribute or element. */
    static String value(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** The XML as it goes into Content. */
    static String content(String xml) {
        return WireText.escape(xml).replace("\n", "<br/>");
    }

    static String hex(int bytes) {
        byte[] data = new byte[bytes];
        RANDOM.nextBytes(data);
        return HexFormat.of().formatHex(data);
    }
}
