package dev.wechatapi.session.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.wechatapi.events.Contact;
import dev.wechatapi.events.ContactKind;
import dev.wechatapi.events.ContactsSnapshot;
import dev.wechatapi.wechat.WeChatContact;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContactBookTest {

    static WeChatContact person(String userName, String nick, String remark, long uin) {
        return new WeChatContact(userName, nick, remark, "", "签名 ✨", 1, "广东", "深圳", "", uin, 0, "/head", List.of());
    }

    static WeChatContact group(String userName, String nick, List<WeChatContact> members) {
        return new WeChatContact(userName, nick, "", "", "", 0, "", "", "", 0, 0, "/head", members);
    }

    static WeChatContact official(String userName, String nick) {
        return new WeChatContact(userName, nick, "", "", "", 0, "", "", "", 0, 24, "/head", List.of());
    }

    @Test
    void puidsSurviveReloginAlthoughUserNamesChange() {
        ContactBook first = ContactBook.of(person("@self1", "我", "", 42),
                List.of(person("@alice1", "Alice 🌸", "小爱", 0), group("@@g1", "家人群", List.of())));
        ContactBook second = ContactBook.of(person("@self2", "我", "", 42),
                List.of(person("@alice2", "Alice 🌸", "小爱", 0), group("@@g2", "家人群", List.of())));

        assertThat(second.self().puid()).isEqualTo(first.self().puid()).hasSize(12).matches("[0-9a-f]{12}");
        assertThat(second.resolve("@alice2").puid()).isEqualTo(first.resolve("@alice1").puid());
        assertThat(second.resolve("@@g2").puid()).isEqualTo(first.resolve("@@g1").puid());
        assertThat(second.byPuid(first.resolve("@alice1").puid()).orElseThrow().userName()).isEqualTo("@alice2");
    }

    @Test
    void contactsWithTheSameWeakIdentityGetDifferentPuids() {
        ContactBook book = ContactBook.of(person("@self", "我", "", 42),
                List.of(person("@a", "同名", "", 0), person("@b", "同名", "", 0)));

        assertThat(book.resolve("@a").puid()).isNotEqualTo(book.resolve("@b").puid());
    }

    @Test
    void aGroupMemberWhoIsAlsoAFriendKeepsTheFriendsPuid() {
        WeChatContact bob = person("@bob", "Bob", "老王", 0);
        WeChatContact bobInGroup = new WeChatContact("@bob", "Bob", "", "群里的Bob", "", 0, "", "", "", 0, 0, "",
                List.of());
        WeChatContact carol = new WeChatContact("@carol", "Carol", "", "", "", 0, "", "", "", 0, 0, "", List.of());
        ContactBook book = ContactBook.of(person("@self", "我", "", 42),
                List.of(bob, group("@@team", "项目组", List.of(bobInGroup, carol))));

        assertThat(book.resolve("@carol").kind()).isEqualTo(ContactKind.FRIEND);
        ContactsSnapshot snapshot = book.snapshot("app", Instant.EPOCH);
        Contact team = snapshot.contacts().stream().filter(c -> c.kind() == ContactKind.GROUP).findFirst()
                .orElseThrow();
        assertThat(team.members()).extracting(Contact::puid)
                .containsExactly(book.resolve("@bob").puid(), book.resolve("@carol").puid());
        assertThat(team.members().getFirst().displayName()).isEqualTo("群里的Bob");
    }

    @Test
    void snapshotTellsFriendsGroupsAndOfficialAccountsApartAndCarriesSelf() {
        ContactBook book = ContactBook.of(person("@self", "我 😀", "", 42),
                List.of(person("@alice", "Alice", "", 0), group("@@g", "群", List.of()), official("@mp", "公众号")));

        ContactsSnapshot snapshot = book.snapshot("app", Instant.EPOCH);

        assertThat(snapshot.self().nickName()).isEqualTo("我 😀");
        assertThat(snapshot.contacts()).extracting(Contact::userName, Contact::kind).containsExactly(
                tuple("@alice", ContactKind.FRIEND),
                tuple("@@g", ContactKind.GROUP),
                tuple("@mp", ContactKind.MP));
    }

    @Test
    void changesReplaceAndDeleteContactsWithoutChangingOtherPuids() {
        ContactBook book = ContactBook.of(person("@self", "我", "", 42),
                List.of(person("@alice", "Alice", "小爱", 0), person("@bob", "Bob", "老王", 0)));

        ContactBook changed = book.withChanges(List.of(person("@dave", "Dave", "", 7)), List.of("@bob"));

        assertThat(changed.resolve("@alice").puid()).isEqualTo(book.resolve("@alice").puid());
        assertThat(changed.byPuid(book.resolve("@bob").puid())).isEmpty();
        assertThat(changed.resolve("@dave").kind()).isEqualTo(ContactKind.FRIEND);
        assertThat(changed.snapshot("app", Instant.EPOCH).contacts()).hasSize(2);
    }

    @Test
    void anUnknownUserNameStillResolvesToAGroupOrPersonPuid() {
        ContactBook book = ContactBook.of(person("@self", "我", "", 42), List.of());

        assertThat(book.resolve("@@stranger-group").kind()).isEqualTo(ContactKind.GROUP);
        assertThat(book.resolve("@stranger").kind()).isEqualTo(ContactKind.FRIEND);
        assertThat(book.resolve("@stranger").puid()).isEqualTo(book.resolve("@stranger").puid());
    }
}
