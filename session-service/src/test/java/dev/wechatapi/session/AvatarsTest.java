package dev.wechatapi.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wechatapi.events.Contact;
import dev.wechatapi.events.ContactKind;
import dev.wechatapi.events.ContactsSnapshot;
import dev.wechatapi.events.EventTypes;
import dev.wechatapi.media.MediaStore;
import dev.wechatapi.media.StoredMedia;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Avatars of the account, its friends, groups and official accounts go into the media store after the login's first
 * snapshot, which does not wait for them; a second snapshot carries their media ids.
 */
class AvatarsTest extends SessionServiceTest {

    @Autowired
    MediaStore store;

    @Test
    void afterTheFirstSnapshotASecondOneNamesEveryContactsStoredAvatar() throws IOException {
        LoggedIn app = login();

        ContactsSnapshot withAvatars = awaitSnapshotWithAvatars(app);

        assertThat(app.contacts().contacts()).allSatisfy(c -> assertThat(c.avatarMediaId()).isNull());
        assertThat(withAvatars.contacts()).extracting(Contact::kind)
                .contains(ContactKind.FRIEND, ContactKind.GROUP, ContactKind.MP);
        for (Contact contact : withAvatars.contacts()) {
            assertIsStoredJpeg(app, contact.avatarMediaId());
        }
        assertIsStoredJpeg(app, withAvatars.self().avatarMediaId());
        assertThat(withAvatars.contacts()).extracting(Contact::avatarMediaId).doesNotHaveDuplicates();
    }

    @Test
    void updateNamesTheAvatarsAlreadyStoredRightAwayInsteadOfDownloadingThemAgain() {
        LoggedIn app = login();
        ContactsSnapshot withAvatars = awaitSnapshotWithAvatars(app);

        client.get().uri("/update").header("X-Wechat-App-Id", app.appId()).exchange()
                .expectStatus().isCreated();

        ContactsSnapshot updated = events.await(app.appId(), EventTypes.CONTACTS_SNAPSHOT, ContactsSnapshot.class,
                s -> s.takenAt().isAfter(withAvatars.takenAt()));
        assertThat(avatarsByPuid(updated)).isEqualTo(avatarsByPuid(withAvatars));
    }

    private ContactsSnapshot awaitSnapshotWithAvatars(LoggedIn app) {
        return events.await(app.appId(), EventTypes.CONTACTS_SNAPSHOT, ContactsSnapshot.class,
                s -> s.self().avatarMediaId() != null
                        && s.contacts().stream().allMatch(c -> c.avatarMediaId() != null));
    }

    private static Map<String, String> avatarsByPuid(ContactsSnapshot snapshot) {
        return snapshot.contacts().stream().collect(Collectors.toMap(Contact::puid, Contact::avatarMediaId));
    }

    private void assertIsStoredJpeg(LoggedIn app, String mediaId) throws IOException {
        assertThat(mediaId).isNotNull();
        StoredMedia stored = store.find(app.appId(), mediaId).orElseThrow();
        assertThat(stored.contentType()).isEqualTo("image/jpeg");
        try (InputStream in = store.open(app.appId(), mediaId, null)) {
            BufferedImage avatar = ImageIO.read(in);
            assertThat(avatar).isNotNull();
            assertThat(avatar.getWidth()).isPositive();
        }
    }
}
