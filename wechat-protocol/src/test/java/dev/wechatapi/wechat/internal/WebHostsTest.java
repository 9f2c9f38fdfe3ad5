package dev.wechatapi.wechat.internal;

import static org.assertj.core.api.Assertions.assertThat;

import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class WebHostsTest {

    @Test
    void weChatRedirectHostsMapToTheirFileAndPushHosts() {
        assertHosts("https://wx2.qq.com/cgi-bin/mmwebwx-bin/webwxnewloginpage?ticket=t", "wx2.qq.com", "file.wx2.qq.com", "webpush.wx2.qq.com");
        assertHosts("https://wx.qq.com/cgi-bin/mmwebwx-bin/webwxnewloginpage?ticket=t", "wx.qq.com", "file.wx.qq.com", "webpush.wx.qq.com");
        assertHosts("https://web2.wechat.com/x?t", "web2.wechat.com", "file.web2.wechat.com", "webpush.web2.wechat.com");
        assertHosts("https://web.wechat.com/x?t", "web.wechat.com", "file.web.wechat.com", "webpush.web.wechat.com");
    }

    @Test
    void anyOtherHostPlaysEveryRoleOnItsOwnOrigin() {
        WebHosts hosts = WebHosts.fromRedirect(HttpUrl.get("http://127.0.0.1:8090/cgi-bin/mmwebwx-bin/webwxnewloginpage?ticket=t"));

        assertThat(hosts.main().toString()).isEqualTo("http://127.0.0.1:8090/");
        assertThat(hosts.file()).isEqualTo(hosts.main());
        assertThat(hosts.push()).isEqualTo(hosts.main());
        assertThat(hosts.onPush("synccheck").build().toString()).isEqualTo("http://127.0.0.1:8090/cgi-bin/mmwebwx-bin/synccheck");
    }

    private static void assertHosts(String redirect, String main, String file, String push) {
        WebHosts hosts = WebHosts.fromRedirect(HttpUrl.get(redirect));
        assertThat(hosts.main().host()).isEqualTo(main);
        assertThat(hosts.file().host()).isEqualTo(file);
        assertThat(hosts.push().host()).isEqualTo(push);
    }
}
