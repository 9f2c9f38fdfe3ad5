package dev.wechatapi.simulator.internal.session;

import dev.wechatapi.simulator.internal.accounts.Account;
import dev.wechatapi.simulator.internal.http.Exchange;
import dev.wechatapi.simulator.internal.http.Json;
import dev.wechatapi.simulator.internal.http.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code webwxgetcontact} with paging by {@code seq} (§5, §16.2.6) and {@code webwxbatchgetcontact} (§6, §16.2.7). */
public final class ContactEndpoints {

    private final Sessions sessions;
    private final int pageSize;

    public ContactEndpoints(Sessions sessions, int pageSize) {
        this.sessions = sessions;
        this.pageSize = pageSize;
    }

    public Reply contacts(Exchange exchange) {
        Session session = sessions.of(exchange).orElse(null);
        if (session == null || !session.isAlive()) {
            return ProtocolJson.loggedOut(session);
        }
        List<Function<Session, ObjectNode>> all = listed(session.account());
        int from = (int) Math.clamp(seq(exchange), 0, all.size());
        int to = Math.min(all.size(), from + pageSize);
        ObjectNode json = ProtocolJson.ok();
        json.put("MemberCount", to - from);
        ArrayNode members = json.putArray("MemberList");
        all.subList(from, to).forEach(contact -> members.add(contact.apply(session)));
        json.put("Seq", to < all.size() ? to : 0);
        return Reply.protocolJson(json);
    }

    public Reply batch(Exchange exchange) {
        Session session = sessions.of(exchange).orElse(null);
        if (session == null || !session.isAlive()) {
            return ProtocolJson.loggedOut(session);
        }
        Account account = session.account();
        ObjectNode json = ProtocolJson.ok();
        ArrayNode contacts = json.putArray("ContactList");
        for (JsonNode item : exchange.json().path("List")) {
            String userName = item.isString() ? item.asString() : Json.text(item, "UserName");
            String key = userName == null ? null : session.keyOf(userName).orElse(null);
            ObjectNode contact = key == null ? null
                    : account.group(key).map(group -> ContactJson.group(session, group, true))
                            .or(() -> account.contact(key).map(person -> ContactJson.contact(session, person)))
                            .orElse(null);
            // One answer per requested name, in request order (openwechat writes them back by index).
            contacts.add(contact != null ? contact : ContactJson.unknown(userName == null ? "" : userName));
        }
        json.put("Count", contacts.size());
        return Reply.protocolJson(json);
    }

    /** Friends, official (and special) accounts, then groups without their members. */
    private static List<Function<Session, ObjectNode>> listed(Account account) {
        var all = new ArrayList<Function<Session, ObjectNode>>();
        account.listedContacts().forEach(contact -> all.add(session -> ContactJson.contact(session, contact)));
        account.groups().forEach(group -> all.add(session -> ContactJson.group(session, group, false)));
        return all;
    }

    private static long seq(Exchange exchange) {
        String query = exchange.query("seq");
        if (query != null) {
            try {
                return Long.parseLong(query.trim());
            } catch (NumberFormatException notANumber) {
                return 0;
            }
        }
        return Json.number(exchange.json(), "Seq", 0);
    }
}
