package dev.wechatapi.simulator.internal.control;

import dev.wechatapi.simulator.internal.accounts.Account;
import dev.wechatapi.simulator.internal.accounts.Accounts;
import dev.wechatapi.simulator.internal.accounts.Contact;
import dev.wechatapi.simulator.internal.accounts.Group;
import dev.wechatapi.simulator.internal.http.ControlFailure;
import dev.wechatapi.simulator.internal.http.Exchange;
import dev.wechatapi.simulator.internal.http.Json;
import dev.wechatapi.simulator.internal.http.Reply;
import dev.wechatapi.simulator.internal.session.ContactChange;
import dev.wechatapi.simulator.internal.session.Session;
import dev.wechatapi.simulator.internal.session.Sessions;
import java.util.ArrayList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Contact changes made on the phone: add, modify and delete friends, rename groups and change their members. A
 * live session reports each change in its next webwxsync ({@code ModContactList}/{@code DelContactList}).
 */
public final class ContactControl {

    private final Accounts accounts;
    private final Sessions sessions;

    public ContactControl(Accounts accounts, Sessions sessions) {
        this.accounts = accounts;
        this.sessions = sessions;
    }

    /** {@code POST /control/accounts/{id}/friends}: {@code {"nickName", "remarkName", "sex", ...}}. */
    public Reply addFriend(Exchange exchange) {
        Account account = accounts.get(exchange.pathParam("accountId"));
        JsonNode body = exchange.json();
        String nick = Json.text(body, "nickName");
        if (nick == null || nick.isEmpty()) {
            throw ControlFailure.badRequest("a friend needs a \"nickName\"");
        }
        Contact friend = new Contact(account.newKey("f"), Contact.Kind.FRIEND, nick, text(body, "remarkName", ""),
                (int) Json.number(body, "sex", 0), text(body, "province", ""), text(body, "city", ""),
                text(body, "signature", ""), text(body, "alias", ""), "wxid_" + WireXml.hex(7), 0, 0);
        account.addFriend(friend);
        return Reply.json(201, report(account, ContactChange.modified(friend)));
    }

    /** {@code POST /control/accounts/{id}/friends/{friend}}: the profile fields to change. */
    public Reply modifyFriend(Exchange exchange) {
        Account account = accounts.get(exchange.pathParam("accountId"));
        Contact friend = friend(account, exchange.pathParam("friend"));
        JsonNode body = exchange.json();
        Contact changed = account.modifyFriend(friend.key(), c -> new Contact(c.key(), c.kind(), text(body, "nickName", c.nickName()),
                text(body, "remarkName", c.remarkName()), (int) Json.number(body, "sex", c.sex()), text(body, "province", c.province()),
                text(body, "city", c.city()), text(body, "signature", c.signature()), text(body, "alias", c.alias()), c.wxid(),
                c.verifyFlag(), c.uin()));
        return Reply.json(report(account, ContactChange.modified(changed)));
    }

    /** {@code DELETE /control/accounts/{id}/friends/{friend}}. */
    public Reply deleteFriend(Exchange exchange) {
        Account account = accounts.get(exchange.pathParam("accountId"));
        Contact friend = friend(account, exchange.pathParam("friend"));
        return Reply.json(report(account, ContactChange.deleted(account.removeFriend(friend.key()))));
    }

    /**
     * {@code POST /control/accounts/{id}/groups/{group}}: {@code {"topic": "...", "add": [<friend name> or
     * {"nickName": ...}], "remove": [<member>]}}; a string naming no friend adds a stranger of that name.
     */
    public Reply changeGroup(Exchange exchange) {
        Account account = accounts.get(exchange.pathParam("accountId"));
        Session live = sessions.live(account.id()).orElse(null);
        Group group = ContactRefs.group(account, live, ref(exchange.pathParam("group")));
        JsonNode body = exchange.json();
        var members = new ArrayList<>(group.members());
        for (JsonNode removed : body.path("remove")) {
            Contact member = ContactRefs.member(account, live, group, removed);
            if (member.kind() == Contact.Kind.SELF) {
                throw ControlFailure.badRequest("the account itself cannot be removed from a group");
            }
            members.removeIf(m -> m.contactKey().equals(member.key()));
        }
        for (JsonNode added : body.path("add")) {
            Contact member = newMember(account, live, added);
            if (members.stream().noneMatch(m -> m.contactKey().equals(member.key()))) {
                members.add(new Group.Member(member.key(), added.isObject() ? text(added, "displayName", "") : ""));
            }
        }
        Group changed = new Group(group.key(), text(body, "topic", group.topic()), group.chatroomId(), group.ownerKey(), members);
        account.replaceGroup(changed);
        ObjectNode json = Json.object().put("accountId", account.id()).put("group", changed.topic()).put("members", members.size());
        live = sessions.live(account.id()).orElse(null);
        if (live != null) {
            live.contactChanged(ContactChange.modified(changed));
            json.put("userName", live.userName(changed.key()));
        }
        return Reply.json(json.put("reported", live != null));
    }

    private Contact newMember(Account account, Session live, JsonNode added) {
        if (added.isString()) {
            var friend = account.friends().stream().filter(f -> f.nickName().equals(added.asString())).findFirst();
            if (friend.isPresent()) {
                return friend.get();
            }
        }
        String nick = added.isString() ? added.asString() : text(added, "nickName", null);
        if (nick == null || nick.isEmpty()) {
            throw ControlFailure.badRequest("a new member needs a nick name");
        }
        Contact stranger = new Contact(account.newKey("s"), Contact.Kind.STRANGER, nick, "",
                added.isObject() ? (int) Json.number(added, "sex", 0) : 0, "", "", "", "", "wxid_" + WireXml.hex(7), 0, 0);
        account.addStranger(stranger);
        return stranger;
    }

    /** Tells the live session, if any, and answers what changed with the contact's current user name. */
    private ObjectNode report(Account account, ContactChange change) {
        Session live = sessions.live(account.id()).orElse(null);
        if (live != null) {
            live.contactChanged(change);
        }
        return Json.object()
                .put("accountId", account.id())
                .put("nickName", change.contact().nickName())
                .put("deleted", change.deleted())
                .put("userName", live == null ? null : live.userName(change.contact().key()))
                .put("reported", live != null);
    }

    private Contact friend(Account account, String ref) {
        Contact contact = ContactRefs.person(account, sessions.live(account.id()).orElse(null), ref(ref), "friend");
        if (contact.kind() != Contact.Kind.FRIEND) {
            throw ControlFailure.badRequest(contact.nickName() + " is not a friend");
        }
        return contact;
    }

    private static JsonNode ref(String pathValue) {
        return pathValue.matches("\\d{1,6}") ? Json.MAPPER.valueToTree(Integer.parseInt(pathValue)) : Json.MAPPER.valueToTree(pathValue);
    }

    private static String text(JsonNode body, String field, String fallback) {
        String value = Json.text(body, field);
        return value == null ? fallback : value;
    }
}
