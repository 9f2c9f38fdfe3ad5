package dev.wechatapi.simulator.internal.control;

import dev.wechatapi.simulator.internal.accounts.Account;
import dev.wechatapi.simulator.internal.accounts.Contact;
import dev.wechatapi.simulator.internal.accounts.Group;
import dev.wechatapi.simulator.internal.http.ControlFailure;
import dev.wechatapi.simulator.internal.session.Session;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * Resolves how a control request names a contact: an index into the account view's list, or a string matching
 * the nick name, remark name, alias, wxid or current user name (in that order of lists: friends, official
 * accounts, special accounts).
 */
final class ContactRefs {

    private ContactRefs() {}

    static Contact person(Account account, Session session, JsonNode ref, String field) {
        if (ref.isIntegralNumber()) {
            return byIndex(account.friends(), ref.asInt(), field);
        }
        String name = text(ref, field);
        return Stream.of(account.friends(), account.officials(), account.specials())
                .flatMap(List::stream)
                .filter(contact -> matches(contact, session, name))
                .findFirst()
                .orElseThrow(() -> ControlFailure.notFound("no contact '" + name + "'"));
    }

    static Group group(Account account, Session session, JsonNode ref) {
        if (ref.isIntegralNumber()) {
            return byIndex(account.groups(), ref.asInt(), "group");
        }
        String name = text(ref, "group");
        return account.groups().stream()
                .filter(group -> name.equals(group.topic()) || name.equals(group.chatroomId())
                        || (session != null && name.equals(session.userName(group.key()))))
                .findFirst()
                .orElseThrow(() -> ControlFailure.notFound("no group '" + name + "'"));
    }

    /** A member by index into the group's member list (the account itself is index 0) or by name. */
    static Contact member(Account account, Session session, Group group, JsonNode ref) {
        List<Contact> members = group.members().stream()
                .map(member -> account.contact(member.contactKey()).orElseThrow())
                .toList();
        if (ref.isIntegralNumber()) {
            return byIndex(members, ref.asInt(), "member");
        }
        String name = text(ref, "member");
        return members.stream()
                .filter(contact -> matches(contact, session, name) || name.equals(group.displayNameOf(contact.key())))
                .findFirst()
                .orElseThrow(() -> ControlFailure.notFound("no member '" + name + "' in group '" + group.topic() + "'"));
    }

    private static boolean matches(Contact contact, Session session, String name) {
        return Stream.of(contact.nickName(), contact.remarkName(), contact.alias(), contact.wxid(), contact.key(),
                        session == null ? null : session.userName(contact.key()))
                .filter(Objects::nonNull)
                .filter(candidate -> !candidate.isEmpty())
                .anyMatch(name::equals);
    }

    private static <T> T byIndex(List<T> values, int index, String field) {
        if (index < 0 || index >= values.size()) {
            throw ControlFailure.notFound(field + " index " + index + " is out of range (0.." + (values.size() - 1) + ")");
        }
        return values.get(index);
    }

    private static String text(JsonNode ref, String field) {
        if (!ref.isString() || ref.asString().isEmpty()) {
            throw ControlFailure.badRequest(field + " must be a name or an index");
        }
        return ref.asString();
    }
}
