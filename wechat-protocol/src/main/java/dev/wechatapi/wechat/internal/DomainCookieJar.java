package dev.wechatapi.wechat.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import okhttp3.Cookie;
import okhttp3.CookieJar;
import okhttp3.HttpUrl;

/**
 * The cookies of one login. Honours Domain, so {@code webwx_data_ticket} set by {@code wx.qq.com} for
 * {@code .qq.com} also reaches the file and push hosts; a newer cookie replaces the one with the same name,
 * domain and path.
 */
public final class DomainCookieJar implements CookieJar {

    private final List<Cookie> cookies = new ArrayList<>();

    @Override
    public synchronized void saveFromResponse(HttpUrl url, List<Cookie> received) {
        for (Cookie cookie : received) {
            cookies.removeIf(old -> old.name().equals(cookie.name()) && old.domain().equals(cookie.domain())
                    && old.path().equals(cookie.path()));
            if (cookie.expiresAt() > System.currentTimeMillis()) {
                cookies.add(cookie);
            }
        }
    }

    @Override
    public synchronized List<Cookie> loadForRequest(HttpUrl url) {
        long now = System.currentTimeMillis();
        cookies.removeIf(cookie -> cookie.expiresAt() <= now);
        return cookies.stream().filter(cookie -> cookie.matches(url)).toList();
    }

    /** The value of a cookie by name, whichever host set it. */
    public synchronized Optional<String> value(String name) {
        return cookies.stream().filter(cookie -> cookie.name().equals(name)).map(Cookie::value).findFirst();
    }

    /** Puts back cookies saved from an earlier login (resuming a session). */
    public synchronized void restore(List<Cookie> saved) {
        saved.forEach(cookie -> {
            cookies.removeIf(old -> old.name().equals(cookie.name()) && old.domain().equals(cookie.domain()));
            cookies.add(cookie);
        });
    }

    public synchronized List<Cookie> all() {
        return List.copyOf(new ArrayList<>(cookies));
    }
}
