package dev.wechatapi.session.login;

import dev.wechatapi.session.credentials.CredentialsStore;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * At start-up, reads the saved sessions to the end of their topic and resumes each app's on its own virtual thread,
 * so a restart costs no QR scan. Runs after the topics were declared and before the service reports ready.
 */
@Component
class SessionResumption implements ApplicationRunner {

    private final CredentialsStore credentials;
    private final AccountSessions sessions;

    SessionResumption(CredentialsStore credentials, AccountSessions sessions) {
        this.credentials = credentials;
        this.sessions = sessions;
    }

    @Override
    public void run(ApplicationArguments args) {
        credentials.readAll().forEach(sessions::resume);
    }
}
