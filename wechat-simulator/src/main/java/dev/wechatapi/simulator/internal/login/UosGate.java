package dev.wechatapi.simulator.internal.login;

/**
 * The "UOS gate" (§2.6, §16.2.3): WeChat lets an account that may not use web WeChat log in as the UOS desktop
 * client, recognised by the constant {@code extspam} header on {@code webwxnewloginpage}. While the gate is
 * required, a login without that exact header (any web-mode login, and a UOS login that lacks it) answers ret 1203
 * with the message such accounts got.
 */
public final class UosGate {

    /** The published blob (880 base64 characters, 658 bytes) that itchat-uos, wechat4u and openwechat all send. */
    static final String EXTSPAM =
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

    /** What WeChat answered such logins (youonly-once/Wechat-JAVA #2, fixed there by the UOS headers; §14.1). */
    static final String REFUSAL = "为了保障你的账号安全，暂不支持使用网页版微信";

    private volatile boolean required;

    public UosGate(boolean required) {
        this.required = required;
    }

    public boolean required() {
        return required;
    }

    public void require(boolean now) {
        required = now;
    }

    /** Whether a login with this {@code extspam} header value (null when absent) is let through. */
    boolean admits(String extspam) {
        return !required || EXTSPAM.equals(extspam == null ? null : extspam.trim());
    }
}
