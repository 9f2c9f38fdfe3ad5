package dev.wechatapi.wechat.internal;

import java.util.List;
import okhttp3.HttpUrl;

/**
 * The main, file and push hosts of one login, derived from the redirect host as the official web client does
 * (§1.1): the first row whose marker the host contains wins; a host outside WeChat's domains (a simulator)
 * plays every role itself, as itchat does.
 */
public record WebHosts(HttpUrl main, HttpUrl file, HttpUrl push) {

    private record Row(String marker, String file, String push) {}

    private static final List<Row> ROWS = List.of(
            new Row("wx2.qq.com", "file.wx2.qq.com", "webpush.wx2.qq.com"),
            new Row("wx8.qq.com", "file.wx8.qq.com", "webpush.wx8.qq.com"),
            new Row("qq.com", "file.wx.qq.com", "webpush.wx.qq.com"),
            new Row("web2.wechat.com", "file.web2.wechat.com", "webpush.web2.wechat.com"),
            new Row("wechat.com", "file.web.wechat.com", "webpush.web.wechat.com"));

    public static WebHosts fromRedirect(HttpUrl redirect) {
        HttpUrl main = redirect.newBuilder().encodedPath("/").query(null).fragment(null).build();
        for (Row row : ROWS) {
            if (redirect.host().contains(row.marker())) {
                return new WebHosts(main, main.newBuilder().host(row.file()).build(), main.newBuilder().host(row.push()).build());
            }
        }
        return new WebHosts(main, main, main);
    }

    /** An endpoint under {@code /cgi-bin/mmwebwx-bin/} on the main host. */
    public HttpUrl.Builder onMain(String endpoint) {
        return main.newBuilder().encodedPath("/cgi-bin/mmwebwx-bin/" + endpoint);
    }

    /** An endpoint under {@code /cgi-bin/mmwebwx-bin/} on the file host (uploads, attachments). */
    public HttpUrl.Builder onFile(String endpoint) {
        return file.newBuilder().encodedPath("/cgi-bin/mmwebwx-bin/" + endpoint);
    }

    /** An endpoint under {@code /cgi-bin/mmwebwx-bin/} on the push host (synccheck). */
    public HttpUrl.Builder onPush(String endpoint) {
        return push.newBuilder().encodedPath("/cgi-bin/mmwebwx-bin/" + endpoint);
    }
}
