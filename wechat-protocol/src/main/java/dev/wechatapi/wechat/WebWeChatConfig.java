package dev.wechatapi.wechat;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how {@link WebWeChatDriver} talks to WeChat's web protocol.
 *
 * <pre>{@code
 * new WebWeChatDriver(WebWeChatConfig.defaults());                                    // the real servers
 * new WebWeChatDriver(WebWeChatConfig.forBaseUrl(URI.create("http://127.0.0.1:8090"))); // a simulator
 * }</pre>
 *
 * @param loginBase origin of the login host (jslogin, QR code, scan poll); the main, file and push hosts follow
 *     from the redirect WeChat sends after the scan
 * @param desktopMode log in as the UOS desktop client ({@code mod=desktop}, {@code client-version} header)
 * @param callTimeout limit for every ordinary call
 * @param longPollTimeout limit for the long polls (scan status, synccheck), which WeChat holds for about 25 s
 */
public record WebWeChatConfig(URI loginBase, boolean desktopMode, Duration callTimeout, Duration longPollTimeout) {

    public WebWeChatConfig {
        Objects.requireNonNull(loginBase, "loginBase");
        Objects.requireNonNull(callTimeout, "callTimeout");
        Objects.requireNonNull(longPollTimeout, "longPollTimeout");
    }

    public static WebWeChatConfig defaults() {
        return new WebWeChatConfig(URI.create("https://login.wx.qq.com"), false, Duration.ofSeconds(15), Duration.ofSeconds(35));
    }

    /**
     * Everything against one origin, such as the simulator: it answers the login calls and redirects to itself,
     * and a redirect host outside WeChat's domains serves the main, file and push roles too.
     */
    public static WebWeChatConfig forBaseUrl(URI baseUrl) {
        return defaults().withLoginBase(baseUrl);
    }

    public WebWeChatConfig withLoginBase(URI newLoginBase) {
        return new WebWeChatConfig(newLoginBase, desktopMode, callTimeout, longPollTimeout);
    }

    public WebWeChatConfig withDesktopMode(boolean desktop) {
        return new WebWeChatConfig(loginBase, desktop, callTimeout, longPollTimeout);
    }

    public WebWeChatConfig withCallTimeout(Duration timeout) {
        return new WebWeChatConfig(loginBase, desktopMode, timeout, longPollTimeout);
    }

    public WebWeChatConfig withLongPollTimeout(Duration timeout) {
        return new WebWeChatConfig(loginBase, desktopMode, callTimeout, timeout);
    }
}
