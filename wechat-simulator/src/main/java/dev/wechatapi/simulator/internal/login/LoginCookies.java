package dev.wechatapi.simulator.internal.login;

import dev.wechatapi.simulator.internal.session.Session;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The Set-Cookie headers of webwxnewloginpage (§1.3, §16.2.3). The Domain must domain-match the host the client
 * used (strict jars drop the cookie otherwise), so: no Domain on an IP address or a single-label host such as
 * localhost; the host itself for the session cookies; and its parent for {@code webwx_data_ticket}, as the real
 * {@code .qq.com} one, so it also reaches the file and push hosts.
 */
final class LoginCookies {

    private static final DateTimeFormatter EXPIRES = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private LoginCookies() {}

    static List<String> forLogin(Session session, String hostHeader) {
        String host = hostWithoutPort(hostHeader);
        String sessionDomain = domainAttribute(host, false);
        String ticketDomain = domainAttribute(host, true);
        var halfDay = Duration.ofHours(12);
        var tenYears = Duration.ofDays(3650);
        var cookies = new ArrayList<String>();
        cookies.add(cookie("wxuin", Long.toString(session.account().uin()), sessionDomain, session, halfDay));
        cookies.add(cookie("wxsid", session.sid(), sessionDomain, session, halfDay));
        cookies.add(cookie("wxloadtime", Long.toString(session.loginTime().getEpochSecond()), sessionDomain, session, halfDay));
        cookies.add(cookie("mm_lang", "zh_CN", sessionDomain, session, halfDay));
        cookies.add(cookie("webwx_data_ticket", session.dataTicket(), ticketDomain, session, halfDay));
        cookies.add(cookie("webwxuvid", session.uvid(), sessionDomain, session, tenYears));
        cookies.add(cookie("webwx_auth_ticket", session.authTicket(), sessionDomain, session, tenYears));
        return cookies;
    }

    /** Every cookie has at least one attribute after the value: wechat4u's parser needs the {@code ;}. */
    private static String cookie(String name, String value, String domain, Session session, Duration lifetime) {
        return name + "=" + value + domain + "; Path=/; Expires=" + EXPIRES.format(session.loginTime().plus(lifetime));
    }

    private static String domainAttribute(String host, boolean parent) {
        if (isIpAddress(host) || !host.contains(".")) {
            return "";
        }
        String[] labels = host.split("\\.");
        if (parent && labels.length >= 3) {
            return "; Domain=." + host.substring(host.indexOf('.') + 1);
        }
        return "; Domain=" + host;
    }

    private static boolean isIpAddress(String host) {
        return host.contains(":") || host.matches("[0-9.]+");
    }

    private static String hostWithoutPort(String hostHeader) {
        if (hostHeader.startsWith("[")) {
            return hostHeader.substring(0, hostHeader.indexOf(']') + 1);
        }
        int colon = hostHeader.lastIndexOf(':');
        return colon < 0 ? hostHeader : hostHeader.substring(0, colon);
    }
}
