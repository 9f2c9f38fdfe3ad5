package dev.wechatapi.simulator.internal.accounts;

import dev.wechatapi.simulator.internal.http.ControlFailure;
import dev.wechatapi.simulator.internal.http.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import tools.jackson.databind.JsonNode;

/**
 * Builds an account from a control-API request: counts become generated contacts, arrays are taken as given
 * (strings as nick names, objects with profile fields). See the simulator README for the request shape.
 */
public final class AccountFactory {

    private static final int DEFAULT_FRIENDS = 10;
    private static final int DEFAULT_GROUPS = 2;
    private static final int DEFAULT_MEMBERS_PER_GROUP = 6;
    private static final int DEFAULT_OFFICIALS = 2;

    private final String accountId;
    private final JsonNode spec;
    private final NamePool names;
    private final List<Contact> friends = new ArrayList<>();
    private final List<Contact> strangers = new ArrayList<>();
    private final List<Contact> officials = new ArrayList<>();

    private AccountFactory(String accountId, JsonNode spec) {
        this.accountId = accountId;
        this.spec = spec;
        long seed = spec.has("seed") ? Json.number(spec, "seed", 0) : accountId.hashCode();
        this.names = new NamePool(new Random(seed));
    }

    public static Account create(String accountId, JsonNode spec) {
        if (!spec.isObject() && !spec.isMissingNode()) {
            throw ControlFailure.badRequest("an account is described by a JSON object");
        }
        return new AccountFactory(accountId, spec).build();
    }

    private Account build() {
        reserveExplicitNames();
        Contact self = self();
        addFriends(spec.path("friends"));
        addOfficials(spec.path("mps"));
        List<Group> groups = groups(spec.path("groups"));
        boolean specialsListed = spec.path("specialAccounts").asBoolean(false);
        return new Account(accountId, self, friends, strangers, officials, specials(), groups, specialsListed,
                textOrNull(spec, "loginBlocked"));
    }

    private void reserveExplicitNames() {
        for (String field : List.of("friends", "groups", "mps")) {
            for (JsonNode item : spec.path(field)) {
                String name = item.isString() ? item.asString() : textOrNull(item, "nickName");
                if (name != null) {
                    names.reserve(name);
                }
            }
        }
    }

    private Contact self() {
        int sex = (int) Json.number(spec, "sex", names.sex());
        String nickName = textOr(spec, "nickName", names.personName(sex));
        String[] region = names.region();
        long uin = Json.number(spec, "uin", names.uin());
        return new Contact("self", Contact.Kind.SELF, nickName, "", sex, textOr(spec, "province", region[0]),
                textOr(spec, "city", region[1]), textOr(spec, "signature", names.signature()), textOr(spec, "alias", ""),
                names.wxid(), 0, uin);
    }

    private void addFriends(JsonNode friendsSpec) {
        if (friendsSpec.isArray()) {
            friendsSpec.forEach(item -> friends.add(person("f" + friends.size(), Contact.Kind.FRIEND, item)));
            return;
        }
        int count = countOf(friendsSpec, DEFAULT_FRIENDS, "friends");
        for (int i = 0; i < count; i++) {
            friends.add(generatedPerson("f" + i, Contact.Kind.FRIEND));
        }
    }

    private void addOfficials(JsonNode officialsSpec) {
        if (officialsSpec.isArray()) {
            officialsSpec.forEach(item -> officials.add(official("mp" + officials.size(), item)));
            return;
        }
        int count = countOf(officialsSpec, DEFAULT_OFFICIALS, "mps");
        for (int i = 0; i < count; i++) {
            officials.add(official("mp" + i, Json.object()));
        }
    }

    private List<Group> groups(JsonNode groupsSpec) {
        int membersPerGroup = (int) Json.number(spec, "membersPerGroup", DEFAULT_MEMBERS_PER_GROUP);
        var groups = new ArrayList<Group>();
        if (groupsSpec.isArray()) {
            for (JsonNode item : groupsSpec) {
                groups.add(explicitGroup("g" + groups.size(), item, membersPerGroup));
            }
            return groups;
        }
        int count = countOf(groupsSpec, DEFAULT_GROUPS, "groups");
        for (int i = 0; i < count; i++) {
            groups.add(generatedGroup("g" + i, names.groupTopic(), "", membersPerGroup, i == 0));
        }
        return groups;
    }

    private Group explicitGroup(String key, JsonNode item, int defaultSize) {
        if (item.isString()) {
            return generatedGroup(key, item.asString(), "", defaultSize, false);
        }
        String topic = textOr(item, "nickName", textOr(item, "topic", names.groupTopic()));
        String selfCard = textOr(item, "selfDisplayName", "");
        JsonNode memberSpecs = item.path("members");
        if (!memberSpecs.isArray()) {
            int size = (int) Json.number(item, "size", defaultSize);
            return generatedGroup(key, topic, selfCard, size, item.path("owned").asBoolean(false));
        }
        var members = new ArrayList<Group.Member>();
        members.add(new Group.Member("self", selfCard));
        for (JsonNode memberSpec : memberSpecs) {
            Contact member = friendNamed(memberSpec.isString() ? memberSpec.asString() : textOrNull(memberSpec, "nickName"));
            if (member == null) {
                member = person("s" + strangers.size(), Contact.Kind.STRANGER, memberSpec);
                strangers.add(member);
            }
            members.add(new Group.Member(member.key(), memberSpec.isObject() ? textOr(memberSpec, "displayName", "") : ""));
        }
        String owner = item.path("owned").asBoolean(false) || members.size() == 1 ? "self" : members.get(1).contactKey();
        return new Group(key, topic, names.chatroomId(), owner, members);
    }

    private Group generatedGroup(String key, String topic, String selfCard, int size, boolean owned) {
        var members = new ArrayList<Group.Member>();
        members.add(new Group.Member("self", selfCard));
        var candidates = new ArrayList<>(friends);
        for (int i = 0; i < size; i++) {
            Contact member;
            if (!candidates.isEmpty() && names.nextInt(10) < 6) {
                member = candidates.remove(names.nextInt(candidates.size()));
            } else {
                member = generatedPerson("s" + strangers.size(), Contact.Kind.STRANGER);
                strangers.add(member);
            }
            members.add(new Group.Member(member.key(), names.groupCardOrEmpty(member.nickName())));
        }
        String owner = owned || members.size() == 1 ? "self" : members.get(1 + names.nextInt(members.size() - 1)).contactKey();
        return new Group(key, topic, names.chatroomId(), owner, members);
    }

    private Contact generatedPerson(String key, Contact.Kind kind) {
        int sex = names.sex();
        String[] region = names.region();
        boolean friend = kind == Contact.Kind.FRIEND;
        return new Contact(key, kind, names.personName(sex), friend ? names.remarkOrEmpty() : "", sex, region[0],
                region[1], names.signature(), friend ? names.aliasOrEmpty() : "", names.wxid(), 0, 0);
    }

    private Contact person(String key, Contact.Kind kind, JsonNode item) {
        if (item.isString()) {
            Contact generated = generatedPerson(key, kind);
            return withNickName(generated, item.asString());
        }
        Contact generated = generatedPerson(key, kind);
        return new Contact(key, kind, textOr(item, "nickName", generated.nickName()), textOr(item, "remarkName", ""),
                (int) Json.number(item, "sex", generated.sex()), textOr(item, "province", generated.province()),
                textOr(item, "city", generated.city()), textOr(item, "signature", generated.signature()),
                textOr(item, "alias", ""), textOr(item, "wxid", generated.wxid()), 0, 0);
    }

    private Contact official(String key, JsonNode item) {
        String name = item.isString() ? item.asString() : textOr(item, "nickName", names.officialName());
        int verifyFlag = item.isObject() ? (int) Json.number(item, "verifyFlag", 8) : 8;
        String[] region = names.region();
        return new Contact(key, Contact.Kind.OFFICIAL, name, "", 0, region[0], region[1],
                item.isObject() ? textOr(item, "signature", "") : "", item.isObject() ? textOr(item, "alias", "") : "",
                names.officialId(), verifyFlag, 0);
    }

    /** filehelper always exists (clients message it, wechat4u as a heartbeat); it is listed only on request. */
    private static List<Contact> specials() {
        return List.of(
                new Contact("filehelper", Contact.Kind.SPECIAL, "文件传输助手", "", 0, "", "", "", "", "filehelper", 0, 0),
                new Contact("weixin", Contact.Kind.SPECIAL, "微信团队", "", 0, "", "", "微信团队官方帐号", "", "weixin", 56, 0));
    }

    private Contact friendNamed(String nickName) {
        return friends.stream().filter(f -> f.nickName().equals(nickName)).findFirst().orElse(null);
    }

    private static Contact withNickName(Contact c, String nickName) {
        return new Contact(c.key(), c.kind(), nickName, c.remarkName(), c.sex(), c.province(), c.city(), c.signature(),
                c.alias(), c.wxid(), c.verifyFlag(), c.uin());
    }

    private static int countOf(JsonNode node, int fallback, String field) {
        if (node.isMissingNode() || node.isNull()) {
            return fallback;
        }
        if (!node.canConvertToInt() || node.asInt() < 0) {
            throw ControlFailure.badRequest(field + " must be a count or an array");
        }
        return node.asInt();
    }

    private static String textOr(JsonNode node, String field, String fallback) {
        String value = textOrNull(node, field);
        return value == null ? fallback : value;
    }

    private static String textOrNull(JsonNode node, String field) {
        return Json.text(node, field);
    }
}
