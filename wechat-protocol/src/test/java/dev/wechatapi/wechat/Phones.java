package dev.wechatapi.wechat;

import dev.wechatapi.simulator.SimulatorControl;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.function.Predicate;

/** The phone's part of a login, played through the simulator's control API. */
final class Phones {

    private Phones() {}

    /** Starts a login, scans and confirms it as {@code accountId}, and completes it. */
    static WeChatSession logIn(WeChatDriver driver, SimulatorControl control, String accountId) throws WeChatException {
        QrLogin qr = driver.startLogin();
        control.scanAndConfirm(qr.uuid(), accountId);
        return driver.completeLogin(awaitConfirmed(driver, qr));
    }

    static LoginPoll.Confirmed awaitConfirmed(WeChatDriver driver, QrLogin qr) throws WeChatException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            if (driver.pollLogin(qr) instanceof LoginPoll.Confirmed confirmed) {
                return confirmed;
            }
        }
        throw new AssertionError("login of " + qr.uuid() + " was never confirmed");
    }

    /** Syncs until everything received so far (messages and changed contacts, summed up) satisfies {@code wanted}. */
    static SyncBatch syncUntil(WeChatSession session, Predicate<SyncBatch> wanted) throws WeChatException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        var seen = new ArrayList<WeChatMessage>();
        var changed = new ArrayList<WeChatContact>();
        while (Instant.now().isBefore(deadline)) {
            SyncBatch batch = session.sync();
            seen.addAll(batch.messages());
            changed.addAll(batch.changedContacts());
            var all = new SyncBatch(seen, changed, batch.deletedUserNames());
            if (wanted.test(all)) {
                return all;
            }
        }
        throw new AssertionError("no sync brought what the test waited for; saw " + seen);
    }
}
