package dev.wechatapi.wechat.internal;

import dev.wechatapi.wechat.WeChatException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * The credentials {@code webwxnewloginpage} hands out (§2.4): an XML body, 200 in web mode or a 301 without
 * Location in UOS mode, both fine when {@code ret} is 0. wxsid and wxuin fall back to the cookies.
 */
record LoginTicket(long uin, String sid, String skey, String passTicket) {

    private static final String UOS_REFERER = "https://wx.qq.com/?&lang=zh_CN&target=t";
    /**
     * The UOS desktop client's constant {@code extspam} (§2.6: 880 base64 characters, byte-identical in itchat-uos,
     * wechat4u and openwechat); with it WeChat lets accounts log in that web login refuses with 1203.
     */
    private static final String UOS_EXTSPAM =
            "Go8FCIkFEokFCggwMDAwMDAwMRAGGvAESySibk50w5Wb3uTl2c2h64jVVrV7gNs06GFlWplHQbY/5FfiO++1yH4ykCyNPWKX" +
            "mco+wfQzK5R98D3so7rJ5LmGFvBLjGceleySrc3SOf2Pc1gVehzJgODeS0lDL3/I/0S2SSE98YgKleq6Uqx6ndTy9yaL9qFx" +
            "JL7eiA/R3SEfTaW1SBoSITIu+EEkXff+Pv8NHOk7N57rcGk1w0ZzRrQDkXTOXFN2iHYIzAAZPIOY45Lsh+A4slpgnDiaOvRt" +
            "lQYCt97nmPLuTipOJ8Qc5pM7ZsOsAPPrCQL7nK0I7aPrFDF0q4ziUUKettzW8MrAaiVfmbD1/VkmLNVqqZVvBCtRblXb5FHm" +
            "tS8FxnqCzYP4WFvz3T0TcrOqwLX1M/DQvcHaGGw0B0y4bZMs7lVScGBFxMj3vbFi2SRKbKhaitxHfYHAOAa0X7/MSS0RNAjd" +
            "woyGHeOepXOKY+h3iHeqCvgOH6LOifdHf/1aaZNwSkGotYnYScW8Yx63LnSwba7+hESrtPa/huRmB9KWvMCKbDThL/nne14h" +
            "nL277EDCSocPu3rOSYjuB9gKSOdVmWsj9Dxb/iZIe+S6AiG29Esm+/eUacSba0k8wn5HhHg9d4tIcixrxveflc8vi2/wNQGV" +
            "FNsGO6tB5WF0xf/plngOvQ1/ivGV/C1Qpdhzznh0ExAVJ6dwzNg7qIEBaw+BzTJTUuRcPk92Sn6QDn2Pu3mpONaEumacjW4w" +
            "6ipPnPw+g2TfywJjeEcpSZaP4Q3YV5HG8D6UjWA4GSkBKculWpdCMadx0usMomsSS/74QgpYqcPkmamB4nVv1JxczYITIqIt" +
            "IKjD35IGKAUwAA==";

    static LoginTicket fetch(WebCalls calls, HttpUrl redirect, boolean desktopMode, DomainCookieJar cookies)
            throws WeChatException {
        var request = new Request.Builder()
                .url(redirect.newBuilder().addQueryParameter("fun", "new").addQueryParameter("version", "v2").build());
        if (desktopMode) {
            request.header("client-version", "2.0.0").header("extspam", UOS_EXTSPAM).header("referer", UOS_REFERER);
        }
        WebCalls.Answer answer = calls.execute(request.build(), false);
        if (answer.code() != 301 && answer.code() != 302) {
            WebCalls.requireSuccess(answer, "webwxnewloginpage");
        }
        String xml = answer.body();
        String ret = element(xml, "ret").orElseThrow(
                () -> new WeChatException.ProtocolError("webwxnewloginpage answered " + abbreviate(xml), null));
        int code = (int) Fields.parseLong(ret);
        if (code != 0 || !ret.trim().equals(Integer.toString(code))) {
            throw RetCodes.failure(code, "webwxnewloginpage", element(xml, "message").orElse(""));
        }
        String sid = element(xml, "wxsid").or(() -> cookies.value("wxsid")).orElse("");
        String uin = element(xml, "wxuin").or(() -> cookies.value("wxuin")).orElse("");
        String skey = element(xml, "skey").orElse("");
        String passTicket = element(xml, "pass_ticket").orElse("");
        if (sid.isEmpty() || Fields.parseLong(uin) == 0 || skey.isEmpty()) {
            // itchat reports the same case as "Your wechat account may be LIMITED to log in WEB wechat".
            throw new WeChatException.ProtocolError("webwxnewloginpage gave no complete credentials: " + abbreviate(xml), null);
        }
        return new LoginTicket(Fields.parseLong(uin), sid, skey, passTicket);
    }

    private static Optional<String> element(String xml, String name) {
        Matcher matcher = Pattern.compile("<" + name + ">(.*?)</" + name + ">", Pattern.DOTALL).matcher(xml);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
