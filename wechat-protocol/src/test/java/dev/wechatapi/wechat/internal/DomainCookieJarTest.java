package dev.wechatapi.wechat.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import okhttp3.Cookie;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class DomainCookieJarTest {

    private static final HttpUrl MAIN = HttpUrl.get("https://wx.qq.com/cgi-bin/mmwebwx-bin/webwxnewloginpage");
    private static final HttpUrl FILE = HttpUrl.get("https://file.wx.qq.com/cgi-bin/mmwebwx-bin/webwxuploadmedia");
    private static final HttpUrl OTHER_PUSH = HttpUrl.get("https://webpush.weixin.qq.com/cgi-bin/mmwebwx-bin/synccheck");

    private final DomainCookieJar jar = new DomainCookieJar();

    @Test
    void domainCookiesReachTheSubdomainsTheyCoverAndHostOnlyCookiesStayHome() {
        jar.saveFromResponse(MAIN, List.of(
                Cookie.parse(MAIN, "webwx_data_ticket=abc; Domain=.qq.com; Path=/; Expires=Thu, 01 Jan 2099 00:00:00 GMT"),
                Cookie.parse(MAIN, "wxsid=s1; Domain=wx.qq.com; Path=/"),
                Cookie.parse(MAIN, "mm_lang=zh_CN; Path=/")));

        assertThat(jar.loadForRequest(OTHER_PUSH)).extracting(Cookie::name).containsExactly("webwx_data_ticket");
        assertThat(jar.loadForRequest(FILE)).extracting(Cookie::name).containsExactlyInAnyOrder("webwx_data_ticket", "wxsid");
        assertThat(jar.loadForRequest(MAIN)).extracting(Cookie::name).containsExactlyInAnyOrder("webwx_data_ticket", "wxsid", "mm_lang");
        assertThat(jar.value("wxsid")).hasValue("s1");
    }

    @Test
    void newerCookieReplacesTheOldOneAndExpiredOnesDisappear() {
        jar.saveFromResponse(MAIN, List.of(Cookie.parse(MAIN, "wxsid=old; Path=/")));
        jar.saveFromResponse(MAIN, List.of(Cookie.parse(MAIN, "wxsid=new; Path=/")));
        jar.saveFromResponse(MAIN, List.of(Cookie.parse(MAIN, "wxloadtime=1; Path=/; Max-Age=0")));

        assertThat(jar.loadForRequest(MAIN)).extracting(Cookie::value).containsExactly("new");
    }
}
