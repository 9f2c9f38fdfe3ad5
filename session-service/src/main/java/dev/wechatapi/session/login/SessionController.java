package dev.wechatapi.session.login;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.wechatapi.session.ApiTimes;
import dev.wechatapi.session.contacts.ContactBook;
import dev.wechatapi.session.web.ApiException;
import dev.wechatapi.session.web.AppId;
import dev.wechatapi.wechat.Capabilities;
import dev.wechatapi.wechat.WeChatDriver;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code /login}, {@code /check-login}, {@code /logout} and {@code /status} of the public contract. */
@RestController
class SessionController {

    private final AccountSessions sessions;
    private final WeChatDriver driver;
    private final ApiTimes times;

    SessionController(AccountSessions sessions, WeChatDriver driver, ApiTimes times) {
        this.sessions = sessions;
        this.driver = driver;
        this.times = times;
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record LoginView(String uuid, String status, String qrcode) {}

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record CheckLoginView(String status, Boolean alive, String avatar) {}

    record AccountView(String puid, String name) {}

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record StatusView(String state, Boolean alive, AccountView account, @JsonProperty("last_sync") String lastSync,
            Capabilities capabilities) {}

    @GetMapping("/login")
    Mono<LoginView> login(AppId app) {
        return sessions.startLogin(app.value())
                .map(qr -> new LoginView(qr.uuid(), "0", qr.qrImage() != null ? qr.qrImage().toString() : null));
    }

    @GetMapping("/check-login")
    Mono<CheckLoginView> checkLogin(AppId app, @RequestParam(required = false) String uuid) {
        if (uuid == null || uuid.isBlank()) {
            return Mono.error(ApiException.badRequest("uuid_required", "uuid为必填参数！"));
        }
        AccountSession account = sessions.of(app.value());
        return Mono.justOrEmpty(account.attempt(uuid.trim()))
                .map(attempt -> new CheckLoginView(attempt.status().code(), account.alive(), attempt.avatar()))
                // A code shown before a restart is unknown to this process, but its login lives on, resumed.
                .switchIfEmpty(Mono.fromSupplier(() -> account.isResumedAndAlive()
                        ? new CheckLoginView(LoginAttempt.Status.LOGGED_IN.code(), true, null) : null))
                .switchIfEmpty(Mono.error(new ApiException(HttpStatus.NOT_FOUND, "unknown_uuid", "无效的uuid")));
    }

    @PostMapping("/logout")
    Mono<Map<String, String>> logout(AppId app) {
        return sessions.logout(app.value()).thenReturn(Map.of("msg", "已退出"));
    }

    @GetMapping("/status")
    Mono<StatusView> status(AppId app) {
        AccountSession account = sessions.of(app.value());
        ContactBook.Entry bound = account.account();
        return Mono.just(new StatusView(account.state(), account.alive(),
                bound != null ? new AccountView(bound.puid(), bound.name()) : null,
                times.format(account.lastSync()), driver.capabilities()));
    }
}
