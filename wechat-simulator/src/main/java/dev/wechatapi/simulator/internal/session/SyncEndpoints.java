package dev.wechatapi.simulator.internal.session;

import dev.wechatapi.simulator.internal.http.Exchange;
import dev.wechatapi.simulator.internal.http.Json;
import dev.wechatapi.simulator.internal.http.Reply;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code synccheck} (the long poll, §7.1, §16.2.8) and {@code webwxsync} (§7.2, §16.2.9). */
public final class SyncEndpoints {

    private static final String NO_NEWS = "0";
    private static final String NEW_MESSAGES = "2";

    private final Sessions sessions;
    private final Duration hold;

    public SyncEndpoints(Sessions sessions, Duration hold) {
        this.sessions = sessions;
        this.hold = hold;
    }

    public Reply syncCheck(Exchange exchange) throws InterruptedException {
        Session session = sessions.of(exchange).orElse(null);
        if (session == null) {
            return syncCheckAnswer(Sessions.LOGGED_OUT, NO_NEWS);
        }
        // An unreadable key is answered from the session's own position, never with an error retcode,
        // which would make clients re-run webwxinit in a loop.
        SyncPosition position = SyncKeys.positionOfQuery(session, exchange.query("synckey"));
        Instant deadline = Instant.now().plus(hold);
        while (true) {
            long seen = session.changes().version();
            if (!session.isAlive()) {
                return syncCheckAnswer(session.endedWith(), NO_NEWS);
            }
            if (session.position() > position.messages() || session.contactPosition() > position.contacts()) {
                return syncCheckAnswer(0, NEW_MESSAGES);
            }
            if (!session.changes().awaitChange(seen, deadline)) {
                return syncCheckAnswer(0, NO_NEWS);
            }
        }
    }

    public Reply sync(Exchange exchange) {
        Session session = sessions.of(exchange).orElse(null);
        if (session == null || !session.isAlive()) {
            // Even an error carries SyncKey and AddMsgList: some clients never look at Ret.
            int ret = session == null ? Sessions.LOGGED_OUT : session.endedWith();
            return Reply.protocolJson(answer(ret, List.of(), session == null ? emptyKey()
                    : SyncKeys.afterSync(session, new SyncPosition(0, 0))));
        }
        // Both streams continue from the client's key, so an answer that got lost is given again for the same key.
        SyncPosition position = SyncKeys.positionOfJson(session, exchange.json().path("SyncKey"));
        List<WireMessage> messages = session.messagesAfter(position.messages());
        List<ContactChange> changes = session.contactChangesAfter(position.contacts());
        var next = new SyncPosition(position.messages() + messages.size(), position.contacts() + changes.size());
        session.acknowledge(next);
        ObjectNode json = answer(0, messages, SyncKeys.afterSync(session, next));
        addContactChanges(json, session, changes);
        return Reply.protocolJson(json);
    }

    /** ModContactList and DelContactList carry full objects: itchat needs VerifyFlag and a group's MemberList. */
    private static void addContactChanges(ObjectNode json, Session session, List<ContactChange> changes) {
        ArrayNode modified = json.putArray("ModContactList");
        ArrayNode deleted = json.putArray("DelContactList");
        for (ContactChange change : changes) {
            if (change.group() != null) {
                modified.add(ContactJson.group(session, change.group(), true));
            } else {
                (change.deleted() ? deleted : modified).add(ContactJson.contact(session, change.contact()));
            }
        }
        json.put("ModContactCount", modified.size());
        json.put("DelContactCount", deleted.size());
    }

    private static Reply syncCheckAnswer(int retcode, String selector) {
        return Reply.javascript("window.synccheck={retcode:\"" + retcode + "\",selector:\"" + selector + "\"}");
    }

    private static ObjectNode answer(int ret, List<WireMessage> messages, ObjectNode syncKey) {
        ObjectNode json = ProtocolJson.withBaseResponse(ret, "");
        json.put("AddMsgCount", messages.size());
        ArrayNode added = json.putArray("AddMsgList");
        messages.forEach(message -> added.add(message.toJson()));
        json.put("ModContactCount", 0);
        json.putArray("ModContactList");
        json.put("DelContactCount", 0);
        json.putArray("DelContactList");
        json.put("ModChatRoomMemberCount", 0);
        json.putArray("ModChatRoomMemberList");
        json.set("Profile", unchangedProfile());
        json.put("ContinueFlag", 0);
        json.set("SyncKey", syncKey);
        json.put("SKey", "");
        // Identical keys: openwechat feeds synccheck from SyncKey, itchat and wechat4u from SyncCheckKey.
        json.set("SyncCheckKey", syncKey.deepCopy());
        return json;
    }

    private static ObjectNode unchangedProfile() {
        ObjectNode profile = Json.object();
        profile.put("BitFlag", 0);
        profile.putObject("UserName").put("Buff", "");
        profile.putObject("NickName").put("Buff", "");
        profile.put("BindUin", 0);
        profile.putObject("BindEmail").put("Buff", "");
        profile.putObject("BindMobile").put("Buff", "");
        profile.put("Status", 0);
        profile.put("Sex", 0);
        profile.put("PersonalCard", 0);
        profile.put("Alias", "");
        profile.put("HeadImgUpdateFlag", 0);
        profile.put("HeadImgUrl", "");
        profile.put("Signature", "");
        return profile;
    }

    private static ObjectNode emptyKey() {
        ObjectNode key = Json.object();
        key.put("Count", 0);
        key.putArray("List");
        return key;
    }
}
