package dev.wechatapi.wechat.internal;

import dev.wechatapi.wechat.SyncBatch;
import dev.wechatapi.wechat.WeChatContact;
import dev.wechatapi.wechat.WeChatException;
import dev.wechatapi.wechat.WeChatMessage;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One round of receiving (§7): a synccheck long poll, then webwxsync when it reports news. SyncKey feeds
 * webwxsync and SyncCheckKey (falling back to SyncKey) feeds synccheck, as itchat and wechat4u do.
 */
final class SyncCalls {

    private static final Logger log = LoggerFactory.getLogger(SyncCalls.class);
    private static final Pattern SYNC_CHECK = Pattern.compile("retcode\\s*:\\s*\"?(\\d+)\"?\\s*,\\s*selector\\s*:\\s*\"?(\\d+)\"?");

    private final SessionContext session;
    private final ContactCalls contacts;
    private final AtomicLong pollCounter = new AtomicLong(System.currentTimeMillis());
    private SyncKey syncKey;
    private SyncKey checkKey;

    SyncCalls(SessionContext session, ContactCalls contacts, SyncKey syncKey, SyncKey checkKey) {
        this.session = session;
        this.contacts = contacts;
        this.syncKey = syncKey;
        this.checkKey = checkKey;
    }

    synchronized SyncKey syncKey() {
        return syncKey;
    }

    synchronized SyncKey checkKey() {
        return checkKey;
    }

    synchronized SyncBatch sync() throws WeChatException {
        if (!hasNews()) {
            return SyncBatch.EMPTY;
        }
        ObjectNode body = session.bodyWithBaseRequest();
        body.set("SyncKey", syncKey.toJson());
        body.put("rr", ~(System.currentTimeMillis() / 1000));
        JsonNode answer = session.calls().postJson(session.onMain("webwxsync")
                .addQueryParameter("sid", session.sid())
                .addQueryParameter("skey", session.skey())
                .build(), body);
        RetCodes.check(answer, "webwxsync");
        if (!answer.path("SyncKey").isObject()) {
            throw new WeChatException.ProtocolError("webwxsync answered without a SyncKey", null);
        }
        advance(answer);
        // From here on WeChat considers the batch delivered: nothing below may throw it away.
        return batch(answer);
    }

    /** One synccheck: true when webwxsync has something (any non-zero selector). */
    private boolean hasNews() throws WeChatException {
        String answer = session.calls().getText(session.hosts().onPush("synccheck")
                .addQueryParameter("r", Long.toString(System.currentTimeMillis()))
                .addQueryParameter("skey", session.skey())
                .addQueryParameter("sid", session.sid())
                .addQueryParameter("uin", Long.toString(session.uin()))
                .addQueryParameter("deviceid", session.deviceId())
                .addQueryParameter("synckey", checkKey.formatted())
                .addQueryParameter("_", Long.toString(pollCounter.incrementAndGet()))
                .build(), true);
        Matcher matcher = SYNC_CHECK.matcher(answer);
        if (!answer.contains("synccheck") || !matcher.find()) {
            throw new WeChatException.ProtocolError("synccheck answered " + abbreviate(answer), null);
        }
        int retcode = Integer.parseInt(matcher.group(1));
        if (retcode != 0) {
            throw RetCodes.failure(retcode, "synccheck", "");
        }
        return !matcher.group(2).equals("0");
    }

    private void advance(JsonNode answer) {
        SyncKey next = SyncKey.parse(answer.path("SyncKey"));
        if (!next.isEmpty()) {
            syncKey = next;
        }
        SyncKey nextCheck = SyncKey.parse(answer.path("SyncCheckKey"));
        checkKey = nextCheck.isEmpty() ? syncKey : nextCheck;
        session.rotateSkey(Fields.text(answer, "SKey"));
    }

    private SyncBatch batch(JsonNode answer) {
        var changed = new ArrayList<WeChatContact>();
        for (JsonNode contact : answer.path("ModContactList")) {
            WeChatContact parsed = ContactParser.parse(contact);
            session.rememberGroup(parsed);
            changed.add(parsed);
        }
        var deleted = new ArrayList<String>();
        for (JsonNode contact : answer.path("DelContactList")) {
            String userName = Fields.text(contact, "UserName");
            session.forgetGroup(userName);
            deleted.add(userName);
        }
        changed.addAll(fetchUnknownGroups(answer.path("AddMsgList")));
        var parser = new MessageParser(session.self().userName(), session.self().nickName(), session::group);
        var messages = new ArrayList<WeChatMessage>();
        for (JsonNode message : answer.path("AddMsgList")) {
            try {
                messages.add(parser.parse(message));
            } catch (RuntimeException unreadable) {
                log.warn("dropping a message this client cannot read: {}", abbreviate(message.toString()), unreadable);
            }
        }
        return new SyncBatch(messages, changed, deleted);
    }

    /**
     * Group messages need the group's member list (to name the sender and spot mentions). Groups not seen
     * before are fetched now and reported as changed contacts; if that fails the messages still go out, only
     * without the group's details.
     */
    private List<WeChatContact> fetchUnknownGroups(JsonNode messages) {
        var unknown = new LinkedHashSet<String>();
        for (JsonNode message : messages) {
            for (String userName : List.of(Fields.text(message, "FromUserName"), Fields.text(message, "ToUserName"))) {
                if (userName.startsWith("@@") && session.group(userName).isEmpty()) {
                    unknown.add(userName);
                }
            }
        }
        if (unknown.isEmpty()) {
            return List.of();
        }
        try {
            return contacts.batch(List.copyOf(unknown));
        } catch (WeChatException | RuntimeException failure) {
            log.warn("could not fetch groups {}: {}", unknown, failure.toString());
            return List.of();
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
