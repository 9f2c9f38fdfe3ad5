package dev.wechatapi.simulator.internal.session;

import dev.wechatapi.simulator.internal.accounts.Account;
import dev.wechatapi.simulator.internal.accounts.Contact;
import dev.wechatapi.simulator.internal.http.Exchange;
import dev.wechatapi.simulator.internal.http.Json;
import dev.wechatapi.simulator.internal.http.Reply;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code webwxinit} (§3, §16.2.4) and {@code webwxstatusnotify} (§4, §16.2.5). */
public final class InitEndpoints {

    private static final int STATUS_INITED = 3;

    private final Sessions sessions;

    public InitEndpoints(Sessions sessions) {
        this.sessions = sessions;
    }

    public Reply init(Exchange exchange) {
        Session session = sessions.of(exchange).orElse(null);
        if (session == null || !session.isAlive()) {
            return ProtocolJson.loggedOut(session);
        }
        Account account = session.account();
        List<String> recent = recentChats(session);
        ObjectNode json = ProtocolJson.ok();
        json.put("Count", recent.size());
        ArrayNode contacts = json.putArray("ContactList");
        for (String key : recent) {
            account.contact(key).ifPresent(contact -> contacts.add(ContactJson.contact(session, contact)));
            account.group(key).ifPresent(group -> contacts.add(ContactJson.group(session, group, false)));
        }
        json.set("SyncKey", SyncKeys.initial(session, session.current()));
        json.set("User", ContactJson.self(session));
        json.put("ChatSet", recent.stream().map(session::userName).collect(Collectors.joining(",", "", ",")));
        json.put("SKey", session.skey());
        json.put("ClientVersion", 385_876_258);
        json.put("SystemTime", Instant.now().getEpochSecond());
        json.put("GrayScale", 1);
        json.put("InviteStartCount", 40);
        ArrayNode subscriptions = json.putArray("MPSubscribeMsgList");
        account.officials().stream().limit(1).forEach(mp -> subscriptions.add(subscription(session, mp)));
        json.put("MPSubscribeMsgCount", subscriptions.size());
        json.put("ClickReportInterval", 600_000);
        return Reply.protocolJson(json);
    }

    public Reply statusNotify(Exchange exchange) {
        Session session = sessions.of(exchange).orElse(null);
        if (session == null || !session.isAlive()) {
            return ProtocolJson.loggedOut(session);
        }
        long code = Json.number(exchange.json(), "Code", 0);
        if (code == STATUS_INITED && session.markInited()) {
            session.enqueue(recentChatsMessage(session));
        }
        ObjectNode json = ProtocolJson.ok();
        json.put("MsgID", Long.toString(MessageIds.next()));
        return Reply.protocolJson(json);
    }

    /** The chats the phone shows at the top: filehelper, the first friends and the first group. */
    private static List<String> recentChats(Session session) {
        Account account = session.account();
        var keys = new ArrayList<String>();
        account.specials().stream().limit(1).map(Contact::key).forEach(keys::add);
        account.friends().stream().limit(2).map(Contact::key).forEach(keys::add);
        account.groups().stream().limit(1).forEach(group -> keys.add(group.key()));
        return keys;
    }

    /**
     * MsgType 51 with StatusNotifyCode 4: the recent chats' user names, and in Content their internal ids in the
     * same order (itchat pairs the two lists to learn login-independent ids).
     */
    private static WireMessage recentChatsMessage(Session session) {
        Account account = session.account();
        List<String> keys = recentChats(session);
        String ids = keys.stream()
                .map(key -> account.contact(key).map(Contact::wxid)
                        .or(() -> account.group(key).map(group -> group.chatroomId()))
                        .orElse(key))
                .collect(Collectors.joining(","));
        String xml = "<msg>\n<op id='4'>\n<username>" + ids + "</username>\n<unreadchatlist>\n<chat>\n<username>"
                + "</username>\n<lastreadtime>0</lastreadtime>\n</chat>\n</unreadchatlist>\n"
                + "<unreadfunctionlist>\n</unreadfunctionlist>\n</op>\n</msg>";
        String content = WireText.escape(xml).replace("\n", "<br/>");
        String userNames = keys.stream().map(session::userName).collect(Collectors.joining(","));
        return WireMessage.recentChats(session.selfUserName(), userNames, content);
    }

    private static ObjectNode subscription(Session session, Contact mp) {
        ObjectNode json = Json.object();
        json.put("UserName", session.userName(mp.key()));
        json.put("NickName", WireText.name(mp.nickName()));
        json.put("Time", Instant.now().getEpochSecond() - 3600);
        json.put("MPArticleCount", 1);
        json.putArray("MPArticleList")
                .addObject()
                .put("Title", "今日要闻")
                .put("Digest", "每天三分钟，知晓天下事")
                .put("Cover", "")
                .put("Url", "http://mp.weixin.qq.com/s?__biz=MzA3MDM3NjE5NQ==&mid=1&idx=1");
        return json;
    }
}
