package dev.wechatapi.session.contacts;

import dev.wechatapi.session.web.AppId;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code GET /update}: refreshes the app's friends, groups and official accounts from WeChat. */
@RestController
class ContactsController {

    private final ContactsRefresh refresh;

    ContactsController(ContactsRefresh refresh) {
        this.refresh = refresh;
    }

    @GetMapping("/update")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Map<String, String>> update(AppId app) {
        return refresh.refresh(app.value()).thenReturn(Map.of("msg", "更新成功!"));
    }
}
