package dev.wechatapi.simulator.internal.control;

import dev.wechatapi.simulator.internal.accounts.Account;
import dev.wechatapi.simulator.internal.accounts.Contact;
import dev.wechatapi.simulator.internal.accounts.Group;
import dev.wechatapi.simulator.internal.accounts.SentRecord;
import dev.wechatapi.simulator.internal.http.Json;
import dev.wechatapi.simulator.internal.session.Session;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * How the control API shows accounts: plain text (no wire escaping), with each contact's user name in the
 * current session (null while logged out), so tests can match what a client received.
 */
final class AccountView {

    private AccountView() {}

    static ObjectNode summary(Account account, Session live) {
        ObjectNode json = Json.object();
        json.put("accountId", account.id());
        json.put("uin", account.uin());
        json.put("nickName", account.self().nickName());
        json.put("online", live != null);
        json.put("userName", live == null ? null : live.selfUserName());
        return json;
    }

    static ObjectNode full(Account account, Session live) {
        ObjectNode json = summary(account, live);
        Contact self = account.self();
        json.put("alias", self.alias());
        json.put("sex", self.sex());
        json.put("province", self.province());
        json.put("city", self.city());
        json.put("signature", self.signature());
        json.put("wxid", self.wxid());
        json.set("friends", contacts(account.friends(), live));
        ArrayNode groups = json.putArray("groups");
        for (int i = 0; i < account.groups().size(); i++) {
            groups.add(group(account, account.groups().get(i), i, live));
        }
        json.set("mps", contacts(account.officials(), live));
        json.set("specials", contacts(account.specials(), live));
        return json;
    }

    static ArrayNode sent(Account account) {
        ArrayNode json = Json.array();
        for (SentRecord record : account.sent()) {
            ObjectNode sent = json.addObject()
                    .put("msgId", record.msgId())
                    .put("localId", record.localId())
                    .put("kind", record.kind())
                    .put("type", record.msgType())
                    .put("toUserName", record.toUserName())
                    .put("toNickName", record.toNickName())
                    .put("toKind", record.toKind())
                    .put("content", record.content())
                    .put("time", record.time().toString());
            var revoked = account.revokedAt(record.msgId());
            sent.put("revoked", revoked.isPresent()).put("revokedAt", revoked.map(Object::toString).orElse(null));
            if (record.file() != null) {
                sent.put("mediaId", record.file().mediaId())
                        .put("fileName", record.file().fileName())
                        .put("size", record.file().size())
                        .put("sha256", record.file().sha256())
                        .put("contentType", record.file().contentType());
            }
        }
        return json;
    }

    private static ArrayNode contacts(List<Contact> contacts, Session live) {
        ArrayNode json = Json.array();
        for (int i = 0; i < contacts.size(); i++) {
            Contact contact = contacts.get(i);
            json.addObject()
                    .put("index", i)
                    .put("nickName", contact.nickName())
                    .put("remarkName", contact.remarkName())
                    .put("sex", contact.sex())
                    .put("province", contact.province())
                    .put("city", contact.city())
                    .put("signature", contact.signature())
                    .put("alias", contact.alias())
                    .put("verifyFlag", contact.verifyFlag())
                    .put("wxid", contact.wxid())
                    .put("userName", live == null ? null : live.userName(contact.key()));
        }
        return json;
    }

    private static ObjectNode group(Account account, Group group, int index, Session live) {
        ObjectNode json = Json.object();
        json.put("index", index);
        json.put("nickName", group.topic());
        json.put("chatroomId", group.chatroomId());
        json.put("owner", account.contact(group.ownerKey()).map(Contact::nickName).orElse(""));
        json.put("userName", live == null ? null : live.userName(group.key()));
        ArrayNode members = json.putArray("members");
        for (Group.Member member : group.members()) {
            Contact contact = account.contact(member.contactKey()).orElseThrow();
            members.addObject()
                    .put("nickName", contact.nickName())
                    .put("displayName", member.displayName())
                    .put("self", contact.kind() == Contact.Kind.SELF)
                    .put("friend", contact.kind() == Contact.Kind.FRIEND)
                    .put("wxid", contact.wxid())
                    .put("userName", live == null ? null : live.userName(contact.key()));
        }
        return json;
    }
}
