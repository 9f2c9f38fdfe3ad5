package dev.wechatapi.wechat.internal;

import dev.wechatapi.wechat.MessageDetail;
import dev.wechatapi.wechat.WeChatContact;
import dev.wechatapi.wechat.WeChatException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code webwxgetcontact} page by page (§5), group members by {@code webwxbatchgetcontact} (§6), and accepting
 * friend requests with {@code webwxverifyuser} (§11.3).
 */
final class ContactCalls {

    /** Every client asks for at most 50 contacts per batch. */
    static final int BATCH_SIZE = 50;
    private static final int ACCEPT_REQUEST = 3;
    /** ADDSCENE_PF_WEB. */
    private static final int SCENE_WEB = 33;
    /** A server that never answers Seq 0 must not keep us paging forever. */
    private static final int MAX_PAGES = 500;

    private final SessionContext session;

    ContactCalls(SessionContext session) {
        this.session = session;
    }

    List<WeChatContact> all() throws WeChatException {
        var contacts = new ArrayList<WeChatContact>();
        var seenSeqs = new HashSet<Long>();
        long seq = 0;
        for (int page = 0; page < MAX_PAGES; page++) {
            JsonNode answer = session.calls().getJson(session.onMain("webwxgetcontact")
                    .addQueryParameter("r", Long.toString(System.currentTimeMillis()))
                    .addQueryParameter("seq", Long.toString(seq))
                    .addQueryParameter("skey", session.skey())
                    .build());
            RetCodes.check(answer, "webwxgetcontact");
            for (JsonNode member : answer.path("MemberList")) {
                contacts.add(ContactParser.parse(member));
            }
            seq = Fields.longValue(answer, "Seq");
            // Seq 0 ends the list; openwechat also stops when a Seq repeats.
            if (seq == 0 || !seenSeqs.add(seq)) {
                break;
            }
        }
        return withGroupMembers(contacts);
    }

    /** Full objects for these user names, groups with their members, in batches of 50. */
    List<WeChatContact> batch(List<String> userNames) throws WeChatException {
        var found = new ArrayList<WeChatContact>();
        for (int from = 0; from < userNames.size(); from += BATCH_SIZE) {
            List<String> chunk = userNames.subList(from, Math.min(userNames.size(), from + BATCH_SIZE));
            ObjectNode body = session.bodyWithBaseRequest();
            body.put("Count", chunk.size());
            ArrayNode list = body.putArray("List");
            chunk.forEach(userName -> list.addObject().put("UserName", userName).put("EncryChatRoomId", ""));
            JsonNode answer = session.calls().postJson(session.onMain("webwxbatchgetcontact")
                    .addQueryParameter("type", "ex")
                    .addQueryParameter("r", Long.toString(System.currentTimeMillis()))
                    .build(), body);
            RetCodes.check(answer, "webwxbatchgetcontact");
            for (JsonNode contact : answer.path("ContactList")) {
                WeChatContact parsed = ContactParser.parse(contact);
                session.rememberGroup(parsed);
                found.add(parsed);
            }
        }
        return found;
    }

    /** {@code webwxverifyuser} with Opcode 3 (§11.3), then the new friend's full object, as clients fetch it. */
    WeChatContact accept(MessageDetail.FriendRequest request) throws WeChatException {
        ObjectNode body = session.bodyWithBaseRequest();
        body.put("Opcode", ACCEPT_REQUEST);
        body.put("VerifyUserListSize", 1);
        body.putArray("VerifyUserList").addObject().put("Value", request.userName()).put("VerifyUserTicket", request.ticket());
        body.put("VerifyContent", "");
        body.put("SceneListCount", 1);
        body.putArray("SceneList").add(SCENE_WEB);
        body.put("skey", session.skey());
        JsonNode answer = session.calls().postJson(session.onMain("webwxverifyuser")
                .addQueryParameter("r", Long.toString(System.currentTimeMillis()))
                .build(), body);
        RetCodes.check(answer, "webwxverifyuser");
        List<WeChatContact> found = batch(List.of(request.userName()));
        if (found.isEmpty()) {
            throw new WeChatException.ProtocolError("webwxbatchgetcontact did not return the new friend", null);
        }
        return found.getFirst();
    }

    /** webwxgetcontact lists groups without members; replace each by its full object. */
    private List<WeChatContact> withGroupMembers(List<WeChatContact> contacts) throws WeChatException {
        List<String> groupNames = contacts.stream().filter(WeChatContact::isGroup).map(WeChatContact::userName).toList();
        if (groupNames.isEmpty()) {
            return contacts;
        }
        Map<String, WeChatContact> detailed = new LinkedHashMap<>();
        for (WeChatContact group : batch(groupNames)) {
            detailed.put(group.userName(), group);
        }
        return contacts.stream().map(contact -> detailed.getOrDefault(contact.userName(), contact)).toList();
    }
}
